package dev.tributary.transforms.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserEventParserTest {
  @Test
  void readsARow() {
    assertEquals(
        new UserEvent(Instant.parse("2024-03-01T09:00:05Z"), 3, "login"),
        UserEventParser.parse("2024-03-01T09:00:05Z,3,login"));
  }

  @Test
  void trimsFieldsLowerCasesTheEventAndReadsTimesWithoutOffsetAsUtc() {
    assertEquals(
        new UserEvent(Instant.parse("2024-03-01T09:00:05Z"), 12, "purchase"),
        UserEventParser.parse(" 2024-03-01 09:00:05 , 12 , Purchase \r"));
  }

  @Test
  void headerIsNoRecord() {
    assertNull(UserEventParser.parse("timestamp,user_id,event"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``|empty line",
        "2024-03-01T09:00:05Z,3|expected 3 comma-separated fields, found 2",
        "2024-03-01T09:00:05Z,3,login,web|expected 3 comma-separated fields, found 4",
        "2024-13-01T09:00:05Z,3,login|timestamp is not ISO-8601 or 'yyyy-MM-dd HH:mm:ss'",
        "1709283605,3,login|timestamp is not ISO-8601 or 'yyyy-MM-dd HH:mm:ss'",
        "2024-03-01T09:00:05Z,three,login|user_id is not a positive integer",
        "2024-03-01T09:00:05Z,,login|user_id is not a positive integer",
        "2024-03-01T09:00:05Z,0,login|user_id is not a positive integer",
        "2024-03-01T09:00:05Z,-2,login|user_id is not a positive integer",
        "2024-03-01T09:00:05Z,3,signup|event is not login, logout, purchase or view",
        "2024-03-01T09:00:05Z,3,|event is not login, logout, purchase or view",
      })
  void rejectsWithAFixedReason(String line, String reason) {
    MalformedLineException e =
        assertThrows(MalformedLineException.class, () -> UserEventParser.parse(line));
    assertEquals(reason, e.getMessage());
  }
}
