package dev.tributary.pipelines.words;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Reads the time a text line may start with: {@code 2024-06-01T12:00:03Z some words}. The first
 * whitespace-separated token is the time, written in ISO-8601 with a zone ({@code Z} or an offset such as
 * {@code +02:00}, fractions of a second allowed); the rest of the line is the text.
 *
 * <p>A time without a zone is refused rather than guessed: the same file would otherwise give other
 * windows on a machine in another time zone.
 */
public final class LeadingTime {
  /** What a line should look like, for messages. */
  public static final String EXAMPLE = "2024-06-01T12:00:03Z some text";

  static final String MISSING = "no leading time (expected a line like '" + EXAMPLE + "')";
  static final String BLANK = "blank line: no leading time";
  static final String NO_ZONE = "leading time has no zone (write it with Z or an offset, like 2024-06-01T12:00:03Z)";
  static final String INVALID = "leading time is not a valid ISO-8601 time";
  static final String OUT_OF_RANGE = "leading time is outside the years 0001 to 9999";

  private LeadingTime() {}

  /** A line split into its time and its text, or the reason it has no usable time. */
  public record Split(@Nullable Instant time, String text, @Nullable String problem) {
    public boolean hasTime() {
      return time != null;
    }
  }

  /**
   * Splits {@code line}. When the line does not start with a readable time, {@link Split#time()} is null,
   * {@link Split#text()} is the whole line and {@link Split#problem()} says why.
   */
  public static Split split(String line) {
    int start = 0;
    int n = line.length();
    while (start < n && Character.isWhitespace(line.charAt(start))) {
      start++;
    }
    if (start == n) {
      return new Split(null, line, BLANK);
    }
    int end = start;
    while (end < n && !Character.isWhitespace(line.charAt(end))) {
      end++;
    }
    String token = line.substring(start, end);
    int textStart = end;
    while (textStart < n && Character.isWhitespace(line.charAt(textStart))) {
      textStart++;
    }
    String problem;
    try {
      OffsetDateTime time = OffsetDateTime.parse(token, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      if (time.getYear() < 1 || time.getYear() > 9999) {
        problem = OUT_OF_RANGE;
      } else {
        return new Split(new Instant(time.toInstant().toEpochMilli()), line.substring(textStart), null);
      }
    } catch (DateTimeParseException e) {
      problem = describe(token);
    } catch (DateTimeException | ArithmeticException e) {
      problem = OUT_OF_RANGE;
    }
    return new Split(null, line, problem);
  }

  /** The line's leading time, or null: an event-time function for sources that stamp lines as they read. */
  public static SerializableFunction<String, @Nullable Instant> eventTime() {
    return line -> split(line).time();
  }

  /** Why {@code token} is not a time; reasons name no values, so that dead letters count per kind. */
  private static String describe(String token) {
    try {
      LocalDateTime.parse(token, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      return NO_ZONE;
    } catch (DateTimeParseException e) {
      // not a zone-less time either
    }
    boolean looksLikeDate = token.length() >= 10 && Character.isDigit(token.charAt(0)) && token.charAt(4) == '-';
    return looksLikeDate ? INVALID : MISSING;
  }
}
