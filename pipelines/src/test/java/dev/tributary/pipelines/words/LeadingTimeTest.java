package dev.tributary.pipelines.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class LeadingTimeTest {
  @Test
  void utcTimeThenText() {
    LeadingTime.Split s = LeadingTime.split("2024-06-01T12:00:03Z the quick  fox");
    assertEquals(Instant.parse("2024-06-01T12:00:03Z"), s.time());
    assertEquals("the quick  fox", s.text());
    assertNull(s.problem());
  }

  @Test
  void offsetsAndFractionsAreConvertedToUtc() {
    assertEquals(Instant.parse("2024-06-01T12:01:21Z"), LeadingTime.split("2024-06-01T14:01:21+02:00 x").time());
    assertEquals(Instant.parse("2024-06-01T12:01:41.500Z"), LeadingTime.split("2024-06-01T12:01:41.500Z x").time());
    assertEquals(Instant.parse("2024-06-01T12:00:00Z"), LeadingTime.split("\t2024-06-01T12:00:00Z").time());
    assertEquals("", LeadingTime.split("2024-06-01T12:00:00Z").text());
  }

  @Test
  void eachProblemHasItsReason() {
    assertEquals(LeadingTime.MISSING, LeadingTime.split("no time here").problem());
    assertEquals(LeadingTime.BLANK, LeadingTime.split("   ").problem());
    assertEquals(LeadingTime.BLANK, LeadingTime.split("").problem());
    assertEquals(LeadingTime.NO_ZONE, LeadingTime.split("2024-06-01T12:00:03 x").problem());
    assertEquals(LeadingTime.INVALID, LeadingTime.split("2024-13-01T12:00:03Z x").problem());
    assertEquals(LeadingTime.INVALID, LeadingTime.split("2024-06-01 12:00:03Z x").problem());
    assertEquals(LeadingTime.OUT_OF_RANGE, LeadingTime.split("+99999-06-01T12:00:03Z x").problem());
    assertNull(LeadingTime.split("2024-13-01T12:00:03Z x").time());
    assertEquals("2024-13-01T12:00:03Z x", LeadingTime.split("2024-13-01T12:00:03Z x").text());
  }
}
