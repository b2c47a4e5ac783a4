package dev.tributary.transforms.events;

import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Parses one CSV row {@code timestamp,user_id,event} into a {@link UserEvent}, e.g. {@code
 * 2024-03-01T09:00:05Z,3,login}. The CSV dialect is that of {@link CsvFields} (trimmed fields, no quoting);
 * the row {@code timestamp,user_id,event} is the header.
 *
 * <ul>
 *   <li>{@code timestamp}: one of the forms of {@link EventTimes}; without an offset it is UTC.
 *   <li>{@code user_id}: a positive integer. The sample data uses 1 to 5, but other ids are real users, not
 *       errors, so no upper bound is imposed.
 *   <li>{@code event}: {@code login}, {@code logout}, {@code purchase} or {@code view}, in any case; the
 *       record holds it in lower case.
 * </ul>
 */
public final class UserEventParser {
  private static final String[] COLUMNS = {"timestamp", "user_id", "event"};

  private UserEventParser() {}

  /**
   * The event on {@code line}, or null for the header.
   *
   * @throws MalformedLineException for a wrong field count, a bad timestamp, a user id that is not a
   *     positive integer or an unknown event
   */
  public static @Nullable UserEvent parse(String line) {
    String[] fields = CsvFields.split(line, COLUMNS);
    if (fields == null) {
      return null;
    }
    Instant timestamp = EventTimes.parse(fields[0], "timestamp");
    int userId;
    try {
      userId = Integer.parseInt(fields[1]);
    } catch (NumberFormatException e) {
      userId = 0;
    }
    if (userId <= 0) {
      throw new MalformedLineException("user_id is not a positive integer");
    }
    String event = fields[2].toLowerCase(Locale.ROOT);
    if (!UserEvent.EVENTS.contains(event)) {
      throw new MalformedLineException("event is not login, logout, purchase or view");
    }
    return new UserEvent(timestamp, userId, event);
  }
}
