package dev.tributary.transforms.events;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.joda.time.Instant;

/**
 * Reads the event times of the JSON and CSV event inputs. Accepted forms, all to the millisecond (finer
 * digits are cut):
 *
 * <ul>
 *   <li>ISO-8601 with a UTC offset: {@code 2024-03-01T10:15:30Z}, {@code 2024-03-01T10:15:30.250+01:00};
 *   <li>ISO-8601 without offset, read as UTC: {@code 2024-03-01T10:15:30};
 *   <li>the same with a space instead of the {@code T}, as SQL and many seeds write it: {@code 2024-03-01
 *       10:15:30} (UTC), {@code 2024-03-01 10:15:30+08:00}.
 * </ul>
 *
 * Seconds may be left out ({@code 2024-03-01 10:15}). A date without a time, an offset like {@code +0100}
 * (no colon), impossible dates ({@code 2024-02-30}) and years outside 0000 to 9999 are rejected.
 */
public final class EventTimes {
  private static final DateTimeFormatter FORMAT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffsetId()
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: Beam timestamps hold far more, people write less. */
  private static final long MIN_MILLIS = -62_167_219_200_000L;
  private static final long MAX_MILLIS = 253_402_300_799_999L;

  /** The forms accepted, for messages. */
  public static final String FORMS = "ISO-8601 or 'yyyy-MM-dd HH:mm:ss'";

  private EventTimes() {}

  /**
   * The instant {@code text} stands for.
   *
   * @throws MalformedLineException "{@code field} is not ISO-8601 or 'yyyy-MM-dd HH:mm:ss'"
   */
  public static Instant parse(String text, String field) {
    String s = text.trim();
    if (s.length() > 10 && s.charAt(10) == ' ') {
      s = s.substring(0, 10) + 'T' + s.substring(11);
    }
    try {
      TemporalAccessor parsed = FORMAT.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
      java.time.Instant instant =
          parsed instanceof OffsetDateTime
              ? ((OffsetDateTime) parsed).toInstant()
              : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
      return inRange(instant.toEpochMilli(), field);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new MalformedLineException(field + " is not " + FORMS);
    }
  }

  /**
   * The instant {@code seconds} after the epoch (1970-01-01T00:00:00Z).
   *
   * @throws MalformedLineException "{@code field} is out of range" outside years 0000 to 9999
   */
  public static Instant ofEpochSeconds(long seconds, String field) {
    if (seconds < MIN_MILLIS / 1000 || seconds > MAX_MILLIS / 1000) {
      throw new MalformedLineException(field + " is out of range");
    }
    return Instant.ofEpochMilli(seconds * 1000);
  }

  private static Instant inRange(long millis, String field) {
    if (millis < MIN_MILLIS || millis > MAX_MILLIS) {
      throw new MalformedLineException(field + " is out of range");
    }
    return Instant.ofEpochMilli(millis);
  }
}
