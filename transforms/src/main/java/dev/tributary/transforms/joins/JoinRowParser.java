package dev.tributary.transforms.joins;

import dev.tributary.transforms.events.CsvFields;
import dev.tributary.transforms.events.MalformedLineException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Parses the two-field CSV lines of the join jobs: plays {@code player,score}, persons {@code person,city}
 * and the players table {@code name,age}. The dialect is that of {@link CsvFields}: fields trimmed, no
 * quoting, and a line equal to the column names (in any case) is a header, returned as null.
 *
 * <p>Reasons for rejection: "empty line", "expected 2 comma-separated fields, found N", "{@code field} is
 * empty", "score is not an integer", "age is not an integer", "age is negative".
 */
public final class JoinRowParser {
  private JoinRowParser() {}

  /** {@code player,score}, the score any int. */
  public static @Nullable Play parsePlay(String line) {
    String[] f = CsvFields.split(line, "player", "score");
    if (f == null) {
      return null;
    }
    return new Play(CsvFields.nonEmpty(f[0], "player"), CsvFields.parseInt(f[1], "score"));
  }

  /** {@code person,city}, both non-empty. */
  public static @Nullable Person parsePerson(String line) {
    String[] f = CsvFields.split(line, "person", "city");
    if (f == null) {
      return null;
    }
    return new Person(CsvFields.nonEmpty(f[0], "person"), CsvFields.nonEmpty(f[1], "city"));
  }

  /** {@code name,age}, the age a non-negative int. */
  public static @Nullable Player parsePlayer(String line) {
    String[] f = CsvFields.split(line, "name", "age");
    if (f == null) {
      return null;
    }
    String name = CsvFields.nonEmpty(f[0], "name");
    int age = CsvFields.parseInt(f[1], "age");
    if (age < 0) {
      throw new MalformedLineException("age is negative");
    }
    return new Player(name, age);
  }
}
