package dev.tributary.transforms.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityEventParserTest {
  @Test
  void readsTheSeedLineWithSqlStyleTimeAsUtc() {
    assertEquals(
        new ActivityEvent("view", Instant.parse("2024-03-01T07:11:05Z"), 1),
        ActivityEventParser.parse(
            "{\"activity_type\": \"view\", \"activity_time\": \"2024-03-01 07:11:05\", \"activity_count\": 1}"));
  }

  @Test
  void readsIsoTimeWithOffsetFieldsInAnyOrderAndIgnoresOtherFields() {
    assertEquals(
        new ActivityEvent("click", Instant.parse("2024-03-01T06:00:00Z"), 0),
        ActivityEventParser.parse(
            "{\"user\":7,\"activity_count\":0,\"activity_time\":\"2024-03-01T07:00:00+01:00\","
                + "\"activity_type\":\" click \"}"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "`  `|empty line",
        "{\"activity_type\": \"view\"|not valid JSON",
        "activity_type=view|not valid JSON",
        "[1, 2]|not a JSON object",
        "null|not a JSON object",
        "{\"activity_type\":\"view\",\"activity_time\":\"2024-03-01 07:11:05\",\"activity_count\":1} {}"
            + "|not valid JSON",
        "{\"activity_type\":\"view\",\"activity_type\":\"click\",\"activity_time\":\"2024-03-01 07:11:05\","
            + "\"activity_count\":1}|field appears twice",
        "{\"activity_time\":\"2024-03-01 07:11:05\",\"activity_count\":1}|activity_type is missing",
        "{\"activity_type\":null,\"activity_time\":\"2024-03-01 07:11:05\",\"activity_count\":1}"
            + "|activity_type is missing",
        "{\"activity_type\":5,\"activity_time\":\"2024-03-01 07:11:05\",\"activity_count\":1}"
            + "|activity_type is not a string",
        "{\"activity_type\":\" \",\"activity_time\":\"2024-03-01 07:11:05\",\"activity_count\":1}"
            + "|activity_type is empty",
        "{\"activity_type\":\"view\",\"activity_count\":1}|activity_time is missing",
        "{\"activity_type\":\"view\",\"activity_time\":\"yesterday\",\"activity_count\":1}"
            + "|activity_time is not ISO-8601 or 'yyyy-MM-dd HH:mm:ss'",
        "{\"activity_type\":\"view\",\"activity_time\":1709277065,\"activity_count\":1}"
            + "|activity_time is not a string",
        "{\"activity_type\":\"view\",\"activity_time\":\"2024-03-01 07:11:05\"}|activity_count is missing",
        "{\"activity_type\":\"view\",\"activity_time\":\"2024-03-01 07:11:05\",\"activity_count\":\"3\"}"
            + "|activity_count is not an integer",
        "{\"activity_type\":\"view\",\"activity_time\":\"2024-03-01 07:11:05\",\"activity_count\":2.5}"
            + "|activity_count is not an integer",
        "{\"activity_type\":\"view\",\"activity_time\":\"2024-03-01 07:11:05\",\"activity_count\":3000000000}"
            + "|activity_count is not an integer",
        "{\"activity_type\":\"view\",\"activity_time\":\"2024-03-01 07:11:05\",\"activity_count\":-1}"
            + "|activity_count is negative",
      })
  void rejectsWithAFixedReason(String line, String reason) {
    MalformedLineException e =
        assertThrows(MalformedLineException.class, () -> ActivityEventParser.parse(line));
    assertEquals(reason, e.getMessage());
  }
}
