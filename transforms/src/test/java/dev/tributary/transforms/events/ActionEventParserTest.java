package dev.tributary.transforms.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionEventParserTest {
  @Test
  void readsEpochSecondsAsInTheDatabricksSample() {
    assertEquals(
        new ActionEvent("Open", Instant.parse("2016-07-26T02:45:07Z")),
        ActionEventParser.parse("{\"time\":1469501107,\"action\":\"Open\"}"));
  }

  @Test
  void readsIsoTimeStrings() {
    assertEquals(
        new ActionEvent("Close", Instant.parse("2016-07-26T02:45:07Z")),
        ActionEventParser.parse("{\"action\": \"Close\", \"time\": \"2016-07-26T04:45:07+02:00\"}"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"time\":1469501107,\"action\":\"open\"}|action is not Open or Close",
        "{\"time\":1469501107,\"action\":\"Opened\"}|action is not Open or Close",
        "{\"time\":1469501107}|action is missing",
        "{\"action\":\"Open\"}|time is missing",
        "{\"time\":1469501107.5,\"action\":\"Open\"}|time is not epoch seconds or ISO-8601 or 'yyyy-MM-dd HH:mm:ss'",
        "{\"time\":true,\"action\":\"Open\"}|time is not epoch seconds or ISO-8601 or 'yyyy-MM-dd HH:mm:ss'",
        "{\"time\":\"1469501107\",\"action\":\"Open\"}|time is not ISO-8601 or 'yyyy-MM-dd HH:mm:ss'",
        "{\"time\":99999999999999,\"action\":\"Open\"}|time is out of range",
        "{\"time\":1469501107,\"action\":\"Open\"|not valid JSON",
      })
  void rejectsWithAFixedReason(String line, String reason) {
    MalformedLineException e =
        assertThrows(MalformedLineException.class, () -> ActionEventParser.parse(line));
    assertEquals(reason, e.getMessage());
  }
}
