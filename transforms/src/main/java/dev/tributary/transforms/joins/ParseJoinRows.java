package dev.tributary.transforms.joins;

import dev.tributary.transforms.events.ParseLines;

/**
 * The {@link ParseLines} transforms for the join inputs, see {@link JoinRowParser}. Each counts its lines in
 * its own metrics namespace (counters {@value ParseLines#PARSED}, {@value ParseLines#REJECTED}, {@value
 * ParseLines#SKIPPED} for headers); malformed rows become dead letters with the reason.
 */
public final class ParseJoinRows {
  public static final String PLAYS_NAMESPACE = "tributary.joins.plays";
  public static final String PERSONS_NAMESPACE = "tributary.joins.persons";
  public static final String PLAYERS_NAMESPACE = "tributary.joins.players";

  private ParseJoinRows() {}

  /** The plays stream, {@code player,score}. */
  public static ParseLines<Play> plays() {
    return ParseLines.of(JoinRowParser::parsePlay, PlayCoder.of()).withMetricsNamespace(PLAYS_NAMESPACE);
  }

  /** The persons stream, {@code person,city}. */
  public static ParseLines<Person> persons() {
    return ParseLines.of(JoinRowParser::parsePerson, PersonCoder.of())
        .withMetricsNamespace(PERSONS_NAMESPACE);
  }

  /** The static players table, {@code players.csv}: {@code name,age}. */
  public static ParseLines<Player> players() {
    return ParseLines.of(JoinRowParser::parsePlayer, PlayerCoder.of())
        .withMetricsNamespace(PLAYERS_NAMESPACE);
  }
}
