package dev.tributary.bench.sliding;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.joda.time.Instant;

/**
 * A deterministic stream of hashtag events: event {@code i} has a fixed time and tag, whatever the batching.
 * Times are spread evenly over {@code span} from {@code start} in index order. Tags follow a Zipf law over
 * {@code tags} hashtags (rank r has weight 1/r^s), and every five minutes the ranks rotate so that other
 * hashtags trend.
 */
final class HashtagEvents implements EventStream {
  private static final long serialVersionUID = 1L;
  private static final long TREND_PERIOD_MILLIS = 5 * 60_000L;

  private final long events;
  private final long startMillis;
  private final long spanMillis;
  private final int tags;
  private final double zipfExponent;
  private final long seed;
  private transient double[] cumulative;

  HashtagEvents(long events, Instant start, long spanMillis, int tags, double zipfExponent, long seed) {
    this.events = events;
    this.startMillis = start.getMillis();
    this.spanMillis = spanMillis;
    this.tags = tags;
    this.zipfExponent = zipfExponent;
    this.seed = seed;
  }

  @Override
  public long count() {
    return events;
  }

  @Override
  public long timeOf(long i) {
    return startMillis + (long) ((double) i * spanMillis / events);
  }

  @Override
  public String valueOf(long i) {
    double u = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i).nextDouble();
    int rank = Arrays.binarySearch(cumulative(), u);
    rank = rank >= 0 ? rank : -rank - 1;
    long trend = (timeOf(i) - startMillis) / TREND_PERIOD_MILLIS;
    return "#tag" + Math.floorMod(rank + 37 * trend, tags);
  }

  private double[] cumulative() {
    if (cumulative == null) {
      double[] c = new double[tags];
      double sum = 0;
      for (int r = 0; r < tags; r++) {
        sum += 1 / Math.pow(r + 1, zipfExponent);
        c[r] = sum;
      }
      for (int r = 0; r < tags; r++) {
        c[r] /= sum;
      }
      c[tags - 1] = 1.0;
      cumulative = c;
    }
    return cumulative;
  }
}
