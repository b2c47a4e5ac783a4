package dev.tributary.pipelines.joins;

import dev.tributary.transforms.events.LineParser;
import dev.tributary.transforms.joins.JoinRowParser;
import dev.tributary.transforms.joins.ParseJoinRows;
import dev.tributary.transforms.joins.Person;
import dev.tributary.transforms.joins.PersonCoder;
import dev.tributary.transforms.joins.Play;
import dev.tributary.transforms.joins.PlayCoder;
import org.apache.beam.sdk.coders.Coder;

/**
 * One kind of row a join job reads: how to parse it, how to encode it, where its lines are counted, and its
 * column names (for the header and for {@code time,<columns>} lines in event-time mode).
 */
record RowFormat<T>(String name, LineParser<T> parser, Coder<T> coder, String namespace, String... columns) {
  /** {@code player,score}. */
  static RowFormat<Play> plays() {
    return new RowFormat<>("plays", JoinRowParser::parsePlay, PlayCoder.of(), ParseJoinRows.PLAYS_NAMESPACE, "player", "score");
  }

  /** {@code person,city}. */
  static RowFormat<Person> persons() {
    return new RowFormat<>(
        "persons", JoinRowParser::parsePerson, PersonCoder.of(), ParseJoinRows.PERSONS_NAMESPACE, "person", "city");
  }
}
