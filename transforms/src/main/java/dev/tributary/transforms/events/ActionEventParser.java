package dev.tributary.transforms.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.joda.time.Instant;

/**
 * Parses one JSON line of device actions, as in Databricks' structured-streaming events sample, into an
 * {@link ActionEvent}:
 *
 * <pre>{"time": 1469501107, "action": "Open"}
 * {"time": "2016-07-26T02:45:07Z", "action": "Close"}</pre>
 *
 * <ul>
 *   <li>{@code action}: exactly {@code Open} or {@code Close} (the sample's spelling; other spellings are
 *       rejected rather than counted as a third action).
 *   <li>{@code time}: a JSON integer, seconds since the epoch (the sample's form), or a string in one of
 *       the forms of {@link EventTimes}. Fractional seconds as a number are rejected.
 * </ul>
 *
 * Other fields are ignored. See {@link JsonFields} for the JSON rules.
 */
public final class ActionEventParser {
  static final String ACTION = "action";
  static final String TIME = "time";

  private ActionEventParser() {}

  /**
   * The event on {@code line}.
   *
   * @throws MalformedLineException with the reason, e.g. "action is not Open or Close"
   */
  public static ActionEvent parse(String line) {
    JsonNode object = JsonFields.readObject(line);
    String action = JsonFields.text(object, ACTION);
    if (!action.equals(ActionEvent.OPEN) && !action.equals(ActionEvent.CLOSE)) {
      throw new MalformedLineException(ACTION + " is not Open or Close");
    }
    return new ActionEvent(action, time(JsonFields.required(object, TIME)));
  }

  private static Instant time(JsonNode time) {
    if (time.isTextual()) {
      return EventTimes.parse(time.textValue(), TIME);
    }
    if (time.isIntegralNumber() && time.canConvertToLong()) {
      return EventTimes.ofEpochSeconds(time.longValue(), TIME);
    }
    throw new MalformedLineException(TIME + " is not epoch seconds or " + EventTimes.FORMS);
  }
}
