package dev.tributary.io.jdbc;

import java.util.concurrent.ThreadLocalRandom;
import org.joda.time.Duration;

/**
 * Waits between attempts: the initial delay, doubled after each failure up to a ceiling, plus up to 20%
 * at random so that workers that lost the database together do not all come back at the same instant.
 */
final class RetryBackoff {
  private final long initialMillis;
  private final long maxMillis;

  RetryBackoff(Duration initial, Duration max) {
    this.initialMillis = initial.getMillis();
    this.maxMillis = Math.max(initial.getMillis(), max.getMillis());
  }

  /** The delay after the {@code failures}-th failed attempt (1 for the first). */
  long delayMillis(int failures) {
    long delay = initialMillis;
    for (int i = 1; i < failures && delay < maxMillis; i++) {
      delay *= 2;
    }
    delay = Math.min(delay, maxMillis);
    return delay + (long) (delay * 0.2 * ThreadLocalRandom.current().nextDouble());
  }

  void sleepAfter(int failures) {
    try {
      Thread.sleep(delayMillis(failures));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JdbcWriteException("interrupted while waiting to retry", e);
    }
  }
}
