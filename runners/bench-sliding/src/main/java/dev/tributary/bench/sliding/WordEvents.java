package dev.tributary.bench.sliding;

import java.util.SplittableRandom;

/**
 * Words for the running totals, one per event, {@code 1 ms} apart in event time (which the running totals
 * ignore). With a vocabulary of {@code keys} words each event draws one uniformly; with {@code keys == 0}
 * every event is a word never seen before.
 */
final class WordEvents implements EventStream {
  private static final long serialVersionUID = 1L;
  private static final long START = 1_717_200_000_000L; // 2024-06-01T00:00:00Z

  private final long events;
  private final long keys;
  private final long seed;

  WordEvents(long events, long keys, long seed) {
    this.events = events;
    this.keys = keys;
    this.seed = seed;
  }

  @Override
  public long count() {
    return events;
  }

  @Override
  public long timeOf(long i) {
    return START + i;
  }

  @Override
  public String valueOf(long i) {
    if (keys == 0) {
      return "u" + i;
    }
    return "w" + new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i).nextLong(keys);
  }
}
