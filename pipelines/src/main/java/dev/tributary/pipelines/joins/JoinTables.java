package dev.tributary.pipelines.joins;

import dev.tributary.transforms.joins.Person;
import dev.tributary.transforms.joins.Play;
import dev.tributary.transforms.joins.Player;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The result tables of the join jobs: their names, columns, and one row per joined pair. */
final class JoinTables {
  static final String PLAYS_WITH_PERSONS = "plays_with_persons";
  static final String PLAYS_WITH_PLAYERS = "plays_with_players";
  static final String REJECTED_PLAYS = "rejected_plays";
  static final String REJECTED_PERSONS = "rejected_persons";
  static final String REJECTED_PLAYERS = "rejected_players";

  static final Schema PERSONS_SCHEMA =
      Schema.builder()
          .addStringField("player")
          .addInt32Field("score")
          .addDateTimeField("play_time")
          .addStringField("city")
          .addDateTimeField("person_time")
          .build();

  /** {@code age} is null for a play whose player is not in the table (left outer join). */
  static final Schema PLAYERS_SCHEMA =
      Schema.builder()
          .addStringField("player")
          .addInt32Field("score")
          .addDateTimeField("play_time")
          .addNullableField("age", FieldType.INT32)
          .build();

  private JoinTables() {}

  static Row personsRow(KV<String, KV<TimestampedValue<Play>, TimestampedValue<Person>>> pair) {
    TimestampedValue<Play> play = pair.getValue().getKey();
    TimestampedValue<Person> person = pair.getValue().getValue();
    return Row.withSchema(PERSONS_SCHEMA)
        .addValues(
            pair.getKey(),
            play.getValue().getScore(),
            play.getTimestamp(),
            person.getValue().getCity(),
            person.getTimestamp())
        .build();
  }

  static Row playersRow(KV<String, KV<TimestampedValue<Play>, @Nullable Player>> pair) {
    TimestampedValue<Play> play = pair.getValue().getKey();
    Player player = pair.getValue().getValue();
    return Row.withSchema(PLAYERS_SCHEMA)
        .addValues(
            pair.getKey(), play.getValue().getScore(), play.getTimestamp(), player == null ? null : player.getAge())
        .build();
  }
}
