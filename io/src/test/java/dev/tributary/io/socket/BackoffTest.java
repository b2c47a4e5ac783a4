package dev.tributary.io.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");

  @Test
  void doublesTheWaitAfterEachFailedAttemptUpToTheMaximum() {
    Backoff backoff = new Backoff(Duration.millis(500), Duration.standardSeconds(3), Integer.MAX_VALUE);
    backoff.dropped(T0);
    assertFalse(backoff.attemptDue(T0.plus(499)));
    assertTrue(backoff.attemptDue(T0.plus(500)));

    Instant now = T0.plus(500);
    long[] expectedWaits = {1_000, 2_000, 3_000, 3_000};
    for (long wait : expectedWaits) {
      backoff.attemptFailed(now);
      assertEquals(now.plus(wait), backoff.nextAttempt());
      now = backoff.nextAttempt();
    }
    assertEquals(4, backoff.failedAttempts());
    assertFalse(backoff.exhausted());
  }

  @Test
  void aNewDropStartsAgainFromTheInitialDelay() {
    Backoff backoff = new Backoff(Duration.millis(100), Duration.standardSeconds(10), 5);
    backoff.dropped(T0);
    backoff.attemptFailed(T0.plus(100));
    backoff.attemptFailed(T0.plus(300));

    backoff.dropped(T0.plus(10_000));

    assertEquals(0, backoff.failedAttempts());
    assertEquals(T0.plus(10_100), backoff.nextAttempt());
  }

  @Test
  void isExhaustedAfterTheAllowedAttempts() {
    Backoff backoff = new Backoff(Duration.millis(100), Duration.millis(100), 2);
    backoff.dropped(T0);
    assertFalse(backoff.exhausted());
    backoff.attemptFailed(T0);
    assertFalse(backoff.exhausted());
    backoff.attemptFailed(T0);
    assertTrue(backoff.exhausted());
  }

  @Test
  void zeroAttemptsMeansGivingUpAtTheDrop() {
    Backoff backoff = new Backoff(Duration.millis(100), Duration.millis(100), 0);
    backoff.dropped(T0);
    assertTrue(backoff.exhausted());
  }
}
