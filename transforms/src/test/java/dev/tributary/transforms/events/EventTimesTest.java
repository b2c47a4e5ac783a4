package dev.tributary.transforms.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-03-01 10:15:30|2024-03-01T10:15:30.000Z",
        "2024-03-01T10:15:30|2024-03-01T10:15:30.000Z",
        "2024-03-01T10:15:30Z|2024-03-01T10:15:30.000Z",
        "2024-03-01t10:15:30z|2024-03-01T10:15:30.000Z",
        "2024-03-01T10:15:30.250+01:00|2024-03-01T09:15:30.250Z",
        "2024-03-01 10:15:30-05:30|2024-03-01T15:45:30.000Z",
        "2024-03-01 10:15|2024-03-01T10:15:00.000Z",
        "2024-03-01T10:15:30.123456789Z|2024-03-01T10:15:30.123Z",
        "' 2024-03-01 10:15:30 '|2024-03-01T10:15:30.000Z",
        "2024-02-29 23:59:59|2024-02-29T23:59:59.000Z",
        "1969-12-31T23:59:59Z|1969-12-31T23:59:59.000Z",
      })
  void readsIsoAndSqlFormsWithoutOffsetAsUtc(String text, String expected) {
    assertEquals(Instant.parse(expected), EventTimes.parse(text, "t"));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {
        "",
        "2024-03-01",
        "2024-03-01 10",
        "2024-03-01T10:15:30+0100",
        "2024-02-30 10:00:00",
        "2023-02-29 10:00:00",
        "2024-03-01 25:00:00",
        "01/03/2024 10:15:30",
        "1709288130",
        "2024-03-01  10:15:30",
      })
  void rejectsOtherForms(String text) {
    MalformedLineException e =
        assertThrows(MalformedLineException.class, () -> EventTimes.parse(text, "activity_time"));
    assertEquals("activity_time is not ISO-8601 or 'yyyy-MM-dd HH:mm:ss'", e.getMessage());
  }

  @Test
  void rejectsYearsBeyond9999() {
    MalformedLineException e =
        assertThrows(
            MalformedLineException.class, () -> EventTimes.parse("+10000-01-01T00:00:00Z", "t"));
    assertEquals("t is out of range", e.getMessage());
  }

  @Test
  void epochSecondsAreSecondsSince1970Utc() {
    assertEquals(Instant.parse("2016-07-26T02:45:07Z"), EventTimes.ofEpochSeconds(1469501107L, "time"));
    assertEquals(Instant.parse("1969-12-31T23:59:50Z"), EventTimes.ofEpochSeconds(-10L, "time"));
  }

  @Test
  void epochSecondsBeyondYear9999AreOutOfRange() {
    MalformedLineException e =
        assertThrows(MalformedLineException.class, () -> EventTimes.ofEpochSeconds(253_402_300_800L, "time"));
    assertEquals("time is out of range", e.getMessage());
    assertEquals(
        Instant.parse("9999-12-31T23:59:59Z"), EventTimes.ofEpochSeconds(253_402_300_799L, "time"));
  }
}
