package dev.tributary.bench.sliding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.values.KV;

/**
 * What a run produced, gathered in this JVM (the Direct runner runs here): per window an order-free
 * fingerprint of its counts (keys, total, sum of hashes of key and count), the tumbling panes' whole tables,
 * the top-N lists; and how many results came in a pane other than the single on-time one.
 */
final class Results {
  private static final Map<String, Results> BY_RUN = new ConcurrentHashMap<>();

  final Map<Long, long[]> fingerprints = new ConcurrentHashMap<>();
  final Map<Long, Map<String, Long>> tables = new ConcurrentHashMap<>();
  final Map<Long, List<KV<String, Long>>> tops = new ConcurrentHashMap<>();
  final AtomicLong notOnTime = new AtomicLong();
  final AtomicLong results = new AtomicLong();

  static Results fresh(String run) {
    Results r = new Results();
    BY_RUN.put(run, r);
    return r;
  }

  static Results of(String run) {
    return BY_RUN.get(run);
  }

  static void forget(String run) {
    BY_RUN.remove(run);
  }

  static long hash(String key, long count) {
    long h = key.hashCode() * 0x9E3779B97F4A7C15L + count * 0xC2B2AE3D27D4EB4FL;
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 29);
  }

  static long[] fingerprint(Map<String, Long> table) {
    long[] f = new long[3];
    table.forEach(
        (k, n) -> {
          f[0]++;
          f[1] += n;
          f[2] += hash(k, n);
        });
    return f;
  }

  /** Sliding windows from the tumbling panes, by definition: each window sums the panes inside it. */
  static Map<Long, Map<String, Long>> slideByDefinition(
      Map<Long, Map<String, Long>> panes, long sizeMillis, long slideMillis) {
    TreeMap<Long, Map<String, Long>> ordered = new TreeMap<>(panes);
    Map<Long, Map<String, Long>> windows = new TreeMap<>();
    if (ordered.isEmpty()) {
      return windows;
    }
    Map<String, Long> running = new HashMap<>();
    for (long end = ordered.firstKey(); end < ordered.lastKey() + sizeMillis; end += slideMillis) {
      Map<String, Long> entering = ordered.getOrDefault(end, Map.of());
      Map<String, Long> leaving = ordered.getOrDefault(end - sizeMillis, Map.of());
      entering.forEach((k, n) -> running.merge(k, n, Long::sum));
      leaving.forEach((k, n) -> running.compute(k, (kk, c) -> c - n == 0 ? null : c - n));
      if (!running.isEmpty()) {
        windows.put(end, new HashMap<>(running));
      }
    }
    return windows;
  }

  static List<KV<String, Long>> top(Map<String, Long> table, int n) {
    List<KV<String, Long>> all = new ArrayList<>();
    table.forEach((k, c) -> all.add(KV.of(k, c)));
    all.sort(
        (a, b) ->
            a.getValue().equals(b.getValue())
                ? a.getKey().compareTo(b.getKey())
                : Long.compare(b.getValue(), a.getValue()));
    return new ArrayList<>(all.subList(0, Math.min(n, all.size())));
  }

  private void count(PaneInfo pane) {
    results.incrementAndGet();
    if (pane.getTiming() != PaneInfo.Timing.ON_TIME || !pane.isFirst() || !pane.isLast()) {
      notOnTime.incrementAndGet();
    }
  }

  /** Adds each window's counts to its fingerprint. */
  static final class FingerprintFn extends DoFn<KV<String, Long>, Void> {
    private final String run;

    FingerprintFn(String run) {
      this.run = run;
    }

    @ProcessElement
    public void process(@Element KV<String, Long> count, BoundedWindow window, PaneInfo pane) {
      Results r = of(run);
      r.count(pane);
      long[] f = r.fingerprints.computeIfAbsent(window.maxTimestamp().getMillis() + 1, w -> new long[3]);
      long h = hash(count.getKey(), count.getValue());
      synchronized (f) {
        f[0]++;
        f[1] += count.getValue();
        f[2] += h;
      }
    }
  }

  /** Keeps each pane's whole table. */
  static final class TableFn extends DoFn<KV<String, Long>, Void> {
    private final String run;

    TableFn(String run) {
      this.run = run;
    }

    @ProcessElement
    public void process(@Element KV<String, Long> count, BoundedWindow window, PaneInfo pane) {
      Results r = of(run);
      r.count(pane);
      r.tables
          .computeIfAbsent(window.maxTimestamp().getMillis() + 1, w -> new ConcurrentHashMap<>())
          .merge(count.getKey(), count.getValue(), Long::sum);
    }
  }

  /** Keeps each window's ranking. */
  static final class TopFn extends DoFn<List<KV<String, Long>>, Void> {
    private final String run;

    TopFn(String run) {
      this.run = run;
    }

    @ProcessElement
    public void process(@Element List<KV<String, Long>> ranking, BoundedWindow window, PaneInfo pane) {
      Results r = of(run);
      r.count(pane);
      if (r.tops.put(window.maxTimestamp().getMillis() + 1, ranking) != null) {
        r.notOnTime.incrementAndGet();
      }
    }
  }
}
