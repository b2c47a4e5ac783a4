package dev.tributary.bench.sliding;

import dev.tributary.transforms.sliding.CountPerSlidingWindow;
import dev.tributary.transforms.sliding.TopCountsPerSlidingWindow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Trending hashtags on the Direct runner, four ways, on the same deterministic stream:
 *
 * <ul>
 *   <li>{@code tumbling}: {@code FixedWindows.of(slide)} + {@code Count.perElement()}, the baseline (each
 *       element counted once);
 *   <li>{@code sliding}: {@link CountPerSlidingWindow} (size, slide);
 *   <li>{@code top}: {@link TopCountsPerSlidingWindow} (size, slide, top N), what the trending job needs;
 *   <li>{@code plain}: {@code SlidingWindows.of(size).every(slide)} + {@code Count.perElement()}, which
 *       copies each element into size/slide windows.
 * </ul>
 *
 * <p>First a check: tumbling, sliding and top on a small stream, compared window by window ({@link
 * CheckResults}); on any difference it stops with status 1 before measuring anything. Then the timed runs: tumbling, sliding
 * and top on {@code --events}; all four on {@code --plainEvents} (plain makes size/slide copies of each
 * element, so it gets a smaller stream). Each timed run is checked the same way. Last, the table: time,
 * CPU, peak heap and the cost per element relative to tumbling on the same stream. Options: {@link #USAGE}.
 */
public final class SlidingBench {
  private static final String PROGRAM = "bench-sliding";
  private static final List<String> ALL = List.of("tumbling", "sliding", "top", "plain");
  static final String USAGE =
      String.join(
          "\n",
          "bench-sliding: trending hashtags, sliding counts against a tumbling count and plain SlidingWindows",
          "options (defaults in brackets):",
          "  --events=N        events of the main stream, for tumbling, sliding and top [1000000]",
          "  --plainEvents=N   events of the second stream, for all four variants [200000]; 0: no plain",
          "  --checkEvents=N   events of the correctness check run before any timing [10000]",
          "  --minutes=M       event-time span of every stream [20]",
          "  --tags=T          distinct hashtags [1000]",
          "  --zipf=S          Zipf exponent of hashtag popularity [1.1]",
          "  --seed=X          of the hashtag draws [20240601]",
          "  --size=300s --slide=1s   the sliding window [300s, 1s]; ms, s, m, h",
          "  --topN=N          for the top variant [10]",
          "  --variants=a,b    among tumbling,sliding,top,plain [all]; tumbling always runs (the reference)",
          "  --repeat=R        timed runs of each variant, interleaved; the table adds medians [1]",
          "  other --name=value options go to Beam (e.g. --targetParallelism=2, --enforceImmutability=false)");

  private final BenchArgs args;
  private final long events;
  private final long plainEvents;
  private final long checkEvents;
  private final long minutes;
  private final int tags;
  private final double zipf;
  private final long seed;
  private final Duration size;
  private final Duration slide;
  private final int topN;
  private final int repeat;
  private final List<String> variants = new ArrayList<>();

  private SlidingBench(String[] argv) {
    args =
        new BenchArgs(
            PROGRAM,
            USAGE,
            List.of(
                "events", "plainEvents", "checkEvents", "minutes", "tags", "zipf", "seed", "size", "slide",
                "topN", "variants", "repeat"),
            argv);
    events = args.positive("events", 1_000_000);
    plainEvents = args.string("plainEvents", "").equals("0") ? 0 : args.positive("plainEvents", 200_000);
    checkEvents = args.positive("checkEvents", 10_000);
    minutes = args.positive("minutes", 20);
    tags = (int) args.positive("tags", 1000);
    zipf = args.number("zipf", 1.1);
    seed = args.positive("seed", 20240601L);
    size = args.duration("size", Duration.standardSeconds(300));
    slide = args.duration("slide", Duration.standardSeconds(1));
    topN = (int) args.positive("topN", 10);
    repeat = (int) args.positive("repeat", 1);
    variants.add("tumbling");
    for (String v : args.string("variants", String.join(",", ALL)).split(",")) {
      if (!ALL.contains(v)) {
        args.fail("unknown variant '" + v + "'; choose among " + String.join(",", ALL));
      }
      if (!variants.contains(v)) {
        variants.add(v);
      }
    }
    if (plainEvents == 0) {
      variants.remove("plain");
    }
    try {
      CountPerSlidingWindow.<String>create().withWindow(size, slide);
    } catch (IllegalArgumentException e) {
      args.fail(e.getMessage());
    }
  }

  public static void main(String[] argv) throws Exception {
    System.exit(new SlidingBench(argv).run() ? 0 : 1);
  }

  /** One row of the table. */
  private record Row(String variant, long events, Measure.Cost cost, long results) {}

  private boolean run() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "%s: windows %s every %s (%d panes each), top %d, %d hashtags (Zipf %.2f) over %d min; variants %s;"
            + " %d cores, max heap %d MB; Beam options %s%n",
        PROGRAM, BenchArgs.show(size), BenchArgs.show(slide), size.getMillis() / slide.getMillis(), topN, tags, zipf, minutes, variants,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, args.beamArgs());

    CheckResults check = new CheckResults(size.getMillis(), slide.getMillis(), topN);
    // The check also warms the JIT up for the timed runs.
    long t = System.nanoTime();
    Map<String, Results> small = new LinkedHashMap<>();
    for (String v : variants) {
      // Plain is Beam's own SlidingWindows and the slowest by far: it is checked on its timed run only.
      if (!v.equals("plain")) {
        small.put(v, runOnce(v, stream(checkEvents), "check-" + v));
      }
    }
    String checkLabel = String.format(Locale.ROOT, "(%,d events)", checkEvents);
    if (!check.agree(checkLabel, small)) {
      System.out.println("check: FAILED, nothing measured");
      return false;
    }
    System.out.printf(Locale.ROOT, "check: OK in %.0f s; timing now%n", (System.nanoTime() - t) / 1e9);

    List<Row> rows = new ArrayList<>();
    boolean ok = timed(events, variants.stream().filter(v -> !v.equals("plain")).toList(), rows, check);
    if (variants.contains("plain") && plainEvents > 0) {
      ok &= timed(plainEvents, variants, rows, check);
    }
    printTable(rows);
    System.out.println(ok ? "check: OK (every timed run too)" : "check: FAILED on a timed run");
    return ok;
  }

  /** Timed runs of {@code which} on a stream of {@code n} events, {@code repeat} times interleaved. */
  private boolean timed(long n, List<String> which, List<Row> rows, CheckResults check) throws Exception {
    Map<String, Results> last = new LinkedHashMap<>();
    for (int r = 1; r <= repeat; r++) {
      for (String v : which) {
        String run = v + "-" + n + "-" + r;
        Results[] results = new Results[1];
        Measure.Cost cost = Measure.of(() -> results[0] = runOnce(v, stream(n), run));
        rows.add(new Row(v, n, cost, results[0].results.get()));
        System.out.printf(
            Locale.ROOT, "  %,d events, %s run %d: %.1f s (cpu %.1f s), peak heap %d MB, load %s%n",
            n, v, r, cost.seconds(), cost.cpuSeconds(), cost.peakHeapBytes() >> 20, cost.load());
        last.put(v, results[0]);
      }
    }
    return check.agree(String.format(Locale.ROOT, "(%,d events, timed)", n), last);
  }

  /** {@code n} events over the whole span, one source element per second of event time. */
  private HashtagEvents stream(long n) {
    return new HashtagEvents(
        n, Instant.parse("2024-06-01T00:00:00Z"), minutes * 60_000, tags, zipf, seed);
  }

  private Results runOnce(String variant, HashtagEvents stream, String run) {
    Results results = Results.fresh(run);
    long batch = Math.max(1, stream.count() / (minutes * 60));
    Pipeline p = Pipeline.create(args.beamOptions());
    PCollection<String> hashtags =
        p.apply("ReadBatches", Read.from(new EventSource(stream, batch)))
            .apply("Events", ParDo.of(new EventSource.ExpandFn(stream, batch, run)));
    switch (variant) {
      case "tumbling" -> hashtags
          .apply("Tumbling", Window.into(FixedWindows.of(slide)))
          .apply("Count", Count.perElement())
          .apply("Keep", ParDo.of(new Results.TableFn(run)));
      case "sliding" -> hashtags
          .apply("CountPerSlidingWindow", CountPerSlidingWindow.<String>create().withWindow(size, slide))
          .apply("Keep", ParDo.of(new Results.FingerprintFn(run)));
      case "top" -> hashtags
          .apply(
              "TopCountsPerSlidingWindow",
              TopCountsPerSlidingWindow.<String>create().withTopN(topN).withWindow(size, slide))
          .apply("Keep", ParDo.of(new Results.TopFn(run)));
      case "plain" -> hashtags
          .apply("Sliding", Window.into(SlidingWindows.of(size).every(slide)))
          .apply("Count", Count.perElement())
          .apply("Keep", ParDo.of(new Results.FingerprintFn(run)));
      default -> throw new IllegalArgumentException(variant);
    }
    p.run().waitUntilFinish();
    Results.forget(run);
    return results;
  }

  private void printTable(List<Row> rows) {
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (Row r : rows) {
      groups.computeIfAbsent(r.variant + " " + r.events, k -> new ArrayList<>()).add(r);
    }
    System.out.println();
    System.out.println(
        "| variant | events | wall (s) | events/s | cpu (s) | peak heap (MB) | cost/element vs tumbling, wall"
            + " | same, cpu | results | load avg 1m (start -> end) |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (List<Row> group : groups.values()) {
      Row first = group.get(0);
      List<Row> base = groups.get("tumbling " + first.events);
      double wallBase = median(base, r -> r.cost.seconds());
      double cpuBase = median(base, r -> r.cost.cpuSeconds());
      for (Row r : group) {
        row(r.variant, r.events, r.cost.seconds(), r.cost.cpuSeconds(), r.cost.peakHeapBytes(),
            wallBase, cpuBase, r.results, r.cost.load());
      }
      if (repeat > 1) {
        long peak = group.stream().mapToLong(r -> r.cost.peakHeapBytes()).max().orElse(0);
        row(first.variant + " (median)", first.events, median(group, r -> r.cost.seconds()),
            median(group, r -> r.cost.cpuSeconds()), peak, wallBase, cpuBase, first.results, "");
      }
    }
    System.out.println();
  }

  private static void row(
      String name, long events, double seconds, double cpu, long peak, double wallBase, double cpuBase,
      long results, String load) {
    System.out.printf(
        Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.1f | %,d | %.2fx | %.2fx | %,d | %s |%n",
        name, events, seconds, events / seconds, cpu, peak >> 20, seconds / wallBase, cpu / cpuBase, results,
        load);
  }

  private static double median(List<Row> rows, ToDoubleFunction<Row> f) {
    double[] s = rows.stream().mapToDouble(f).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
