package dev.tributary.bench.sliding;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Instant;

/**
 * Whether the variants of one stream agree, window by window. The reference is the tumbling run's pane
 * tables summed per sliding window by definition (plain Java); {@code sliding} and {@code plain} must match
 * it in every window (hashtags, counts: compared through an order-free fingerprint), {@code top} must give
 * the same ranking, and every result must come in its window's single on-time pane.
 */
final class CheckResults {
  private final long sizeMillis;
  private final long slideMillis;
  private final int topN;

  CheckResults(long sizeMillis, long slideMillis, int topN) {
    this.sizeMillis = sizeMillis;
    this.slideMillis = slideMillis;
    this.topN = topN;
  }

  /** Prints one line per variant (and the first differences); true if all agree. */
  boolean agree(String label, Map<String, Results> byVariant) {
    Results tumbling = byVariant.get("tumbling");
    if (tumbling == null) {
      throw new IllegalArgumentException("the check needs the tumbling run as its reference");
    }
    Map<Long, Map<String, Long>> windows =
        Results.slideByDefinition(tumbling.tables, sizeMillis, slideMillis);
    Map<Long, long[]> reference = new TreeMap<>();
    windows.forEach((end, table) -> reference.put(end, Results.fingerprint(table)));
    boolean ok = true;
    for (Map.Entry<String, Results> e : byVariant.entrySet()) {
      if (e.getValue().notOnTime.get() != 0) {
        System.out.printf(
            "check %s: %s had %d results outside a single on-time pane%n",
            label, e.getKey(), e.getValue().notOnTime.get());
        ok = false;
      }
    }
    for (String v : List.of("sliding", "plain")) {
      if (byVariant.containsKey(v)) {
        ok &= sameCounts(label, v, byVariant.get(v).fingerprints, reference);
      }
    }
    if (byVariant.containsKey("top")) {
      ok &= sameRankings(label, byVariant.get("top").tops, windows);
    }
    return ok;
  }

  private static boolean sameCounts(
      String label, String name, Map<Long, long[]> got, Map<Long, long[]> reference) {
    int wrong = 0;
    for (Map.Entry<Long, long[]> w : reference.entrySet()) {
      long[] g = got.get(w.getKey());
      if (g == null || !Arrays.equals(g, w.getValue())) {
        if (wrong++ < 3) {
          System.out.printf(
              "check %s: %s, window ending %s: expected (keys, total, hash) %s, got %s%n",
              label, name, new Instant(w.getKey()), Arrays.toString(w.getValue()),
              g == null ? "nothing" : Arrays.toString(g));
        }
      }
    }
    for (Long end : got.keySet()) {
      if (!reference.containsKey(end) && wrong++ < 3) {
        System.out.printf(
            "check %s: %s has a window ending %s that holds no event%n", label, name, new Instant(end));
      }
    }
    long counts = got.values().stream().mapToLong(f -> f[0]).sum();
    System.out.printf(
        Locale.ROOT,
        "check %s: %s: %d windows, %,d (window, hashtag) counts: %s%n",
        label, name, got.size(), counts, wrong == 0 ? "all equal to the summed panes" : wrong + " differ");
    return wrong == 0;
  }

  private boolean sameRankings(
      String label, Map<Long, List<KV<String, Long>>> got, Map<Long, Map<String, Long>> windows) {
    int wrong = 0;
    for (Map.Entry<Long, Map<String, Long>> w : windows.entrySet()) {
      List<KV<String, Long>> expected = Results.top(w.getValue(), topN);
      if (!expected.equals(got.get(w.getKey())) && wrong++ < 3) {
        System.out.printf(
            "check %s: top, window ending %s: expected %s, got %s%n",
            label, new Instant(w.getKey()), expected, got.get(w.getKey()));
      }
    }
    if (got.size() != windows.size()) {
      System.out.printf("check %s: top has %d windows, expected %d%n", label, got.size(), windows.size());
      wrong++;
    }
    System.out.printf(
        "check %s: top: %d windows: %s%n",
        label, got.size(), wrong == 0 ? "every ranking equal" : wrong + " differ");
    return wrong == 0;
  }
}
