package dev.tributary.io.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
  private static Instant at(long millis) {
    return new Instant(millis);
  }

  @Test
  void listsAtOnceThenOncePerInterval() {
    PollSchedule schedule = new PollSchedule(Duration.millis(100), null, at(0));

    assertTrue(schedule.listingDue(at(0)));
    schedule.listed(at(0), true);
    assertFalse(schedule.listingDue(at(99)));
    assertTrue(schedule.listingDue(at(100)));
  }

  @Test
  void isIdleOnlyAfterAnEmptyListingAtLeastTheIdleDurationAfterTheLastDiscovery() {
    PollSchedule schedule = new PollSchedule(Duration.millis(100), Duration.millis(500), at(0));

    schedule.listed(at(0), true);
    assertFalse(schedule.idleLongEnough());
    schedule.listed(at(400), false);
    assertFalse(schedule.idleLongEnough());
    schedule.listed(at(500), true);
    assertFalse(schedule.idleLongEnough());
    schedule.listed(at(900), false);
    assertFalse(schedule.idleLongEnough());
    schedule.listed(at(1000), false);
    assertTrue(schedule.idleLongEnough());
  }

  @Test
  void aZeroIdleDurationStillNeedsAnEmptyListing() {
    PollSchedule schedule = new PollSchedule(Duration.millis(100), Duration.ZERO, at(0));

    assertFalse(schedule.idleLongEnough());
    schedule.listed(at(0), true);
    assertFalse(schedule.idleLongEnough());
    schedule.listed(at(100), false);
    assertTrue(schedule.idleLongEnough());
  }

  @Test
  void neverIdleWithoutAnIdleDuration() {
    PollSchedule schedule = new PollSchedule(Duration.millis(100), null, at(0));

    schedule.listed(at(1_000_000), false);

    assertFalse(schedule.idleLongEnough());
  }
}
