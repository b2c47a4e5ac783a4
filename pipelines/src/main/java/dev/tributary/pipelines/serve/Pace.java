package dev.tributary.pipelines.serve;

/** When each line may go out, for a given rate in lines per second; rate 0 means no pacing. */
final class Pace {
  private final long intervalNanos;
  private boolean started;
  private long next;

  /** @param linesPerSecond 0 for as fast as the clients read */
  Pace(double linesPerSecond) {
    if (!(linesPerSecond >= 0) || Double.isInfinite(linesPerSecond)) {
      throw new IllegalArgumentException("the rate must be a number of lines per second, at least 0");
    }
    this.intervalNanos = linesPerSecond == 0 ? 0 : Math.max(1, Math.round(1e9 / linesPerSecond));
  }

  /**
   * Books the next line's slot and returns its time, in {@link System#nanoTime} terms; a time already
   * past means at once. After a pause longer than one interval (no clients) the schedule starts again
   * at {@code now} instead of catching up with a burst.
   */
  long reserve(long now) {
    if (intervalNanos == 0) {
      return now;
    }
    if (!started || now - next > intervalNanos) {
      next = now;
      started = true;
    }
    long slot = next;
    next += intervalNanos;
    return slot;
  }
}
