package dev.tributary.io.json;

import dev.tributary.transforms.common.DeadLetter;

/** One dead letter as a JSON object: {@code {"reason":"...","input":"..."}}. */
public final class DeadLetterJson {
  private DeadLetterJson() {}

  public static String toJson(DeadLetter deadLetter) {
    StringBuilder json = new StringBuilder("{\"reason\":");
    Json.appendString(json, deadLetter.getReason()).append(",\"input\":");
    return Json.appendString(json, deadLetter.getInput()).append('}').toString();
  }
}
