package dev.tributary.io.socket;

import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * When to try reconnecting, and when to give up. After a drop the first attempt waits the initial delay
 * and every failed attempt doubles the wait, up to the maximum delay: with 500 ms and 30 s, attempts
 * come 0.5 s, 1 s, 2 s, 4 s, ... 30 s, 30 s apart.
 */
final class Backoff {
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final int maxAttempts;
  private Instant nextAttempt = Instant.EPOCH;
  private Duration waitAfterFailure;
  private int failedAttempts;

  /** @param maxAttempts consecutive failed attempts allowed before giving up; 0 allows none */
  Backoff(Duration initialDelay, Duration maxDelay, int maxAttempts) {
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.maxAttempts = maxAttempts;
    this.waitAfterFailure = initialDelay;
  }

  /** The connection dropped at {@code now}. */
  void dropped(Instant now) {
    failedAttempts = 0;
    nextAttempt = now.plus(initialDelay);
    waitAfterFailure = doubled(initialDelay);
  }

  boolean attemptDue(Instant now) {
    return !now.isBefore(nextAttempt);
  }

  /** An attempt made at {@code now} failed. */
  void attemptFailed(Instant now) {
    failedAttempts++;
    nextAttempt = now.plus(waitAfterFailure);
    waitAfterFailure = doubled(waitAfterFailure);
  }

  /** True when no further attempt is allowed. */
  boolean exhausted() {
    return failedAttempts >= maxAttempts;
  }

  int failedAttempts() {
    return failedAttempts;
  }

  Instant nextAttempt() {
    return nextAttempt;
  }

  private Duration doubled(Duration wait) {
    return Duration.millis(Math.min(maxDelay.getMillis(), 2 * wait.getMillis()));
  }
}
