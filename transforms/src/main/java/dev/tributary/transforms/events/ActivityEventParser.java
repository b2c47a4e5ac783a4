package dev.tributary.transforms.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Parses one JSON line of the activity log into an {@link ActivityEvent}:
 *
 * <pre>{"activity_type": "view", "activity_time": "2024-03-01 09:15:00", "activity_count": 3}</pre>
 *
 * <ul>
 *   <li>{@code activity_type}: a non-empty string, trimmed, case kept ({@code view} and {@code View} are
 *       two types).
 *   <li>{@code activity_time}: a string in one of the forms of {@link EventTimes}; the seeds' sample writes
 *       {@code yyyy-MM-dd HH:mm:ss}, read as UTC. ISO-8601 with an offset is read too.
 *   <li>{@code activity_count}: a JSON integer from 0 to 2<sup>31</sup>-1.
 * </ul>
 *
 * Other fields are ignored. See {@link JsonFields} for the JSON rules (one object per line, no duplicate
 * field, exact types).
 */
public final class ActivityEventParser {
  static final String TYPE = "activity_type";
  static final String TIME = "activity_time";
  static final String COUNT = "activity_count";

  private ActivityEventParser() {}

  /**
   * The event on {@code line}.
   *
   * @throws MalformedLineException with the reason, e.g. "activity_count is not an integer"
   */
  public static ActivityEvent parse(String line) {
    JsonNode object = JsonFields.readObject(line);
    String type = JsonFields.text(object, TYPE);
    String time = JsonFields.text(object, TIME);
    int count = JsonFields.integer(object, COUNT);
    if (count < 0) {
      throw new MalformedLineException(COUNT + " is negative");
    }
    return new ActivityEvent(type, EventTimes.parse(time, TIME), count);
  }
}
