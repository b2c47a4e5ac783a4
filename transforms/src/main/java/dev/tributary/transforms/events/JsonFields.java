package dev.tributary.transforms.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads one JSON object per line (JSON Lines) with Jackson and takes typed fields out of it, turning every
 * problem into a {@link MalformedLineException} with a fixed reason.
 *
 * <p>Strict where silence would hide bad data: a line must hold exactly one JSON object (trailing content
 * is rejected), a field may appear only once, and a field's JSON type must match (a count written {@code
 * "5"} is not an integer). Fields not asked for are ignored, so producers may add fields.
 */
public final class JsonFields {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private JsonFields() {}

  /**
   * The JSON object on {@code line}.
   *
   * @throws MalformedLineException "empty line", "field appears twice", "not valid JSON" or "not a JSON
   *     object"
   */
  public static JsonNode readObject(String line) {
    if (line.isBlank()) {
      throw new MalformedLineException("empty line");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      throw new MalformedLineException(
          message != null && message.startsWith("Duplicate field") ? "field appears twice" : "not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new MalformedLineException("not a JSON object");
    }
    return node;
  }

  /**
   * The field {@code name} of {@code object}, which must be present and not null.
   *
   * @throws MalformedLineException "{@code name} is missing"
   */
  public static JsonNode required(JsonNode object, String name) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      throw new MalformedLineException(name + " is missing");
    }
    return value;
  }

  /**
   * The string field {@code name}, trimmed, not empty.
   *
   * @throws MalformedLineException "{@code name} is missing", "{@code name} is not a string", "{@code name}
   *     is empty"
   */
  public static String text(JsonNode object, String name) {
    JsonNode value = required(object, name);
    if (!value.isTextual()) {
      throw new MalformedLineException(name + " is not a string");
    }
    String text = value.textValue().trim();
    if (text.isEmpty()) {
      throw new MalformedLineException(name + " is empty");
    }
    return text;
  }

  /**
   * The integer field {@code name}: a JSON number without fraction or exponent that fits an int.
   *
   * @throws MalformedLineException "{@code name} is missing", "{@code name} is not an integer"
   */
  public static int integer(JsonNode object, String name) {
    JsonNode value = required(object, name);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new MalformedLineException(name + " is not an integer");
    }
    return value.intValue();
  }
}
