package dev.tributary.bench.sliding;

import dev.tributary.transforms.sliding.CountPerSlidingWindow;
import dev.tributary.transforms.sliding.TopCountsPerSlidingWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The sliding counts on whatever runner the Beam options name, over a bounded input: {@link
 * CountPerSlidingWindow}, {@link TopCountsPerSlidingWindow} (top 3) and plain {@code SlidingWindows} +
 * {@code Count.perElement}, written to files and compared, window by window, with the counts worked out by
 * brute force in this JVM. Prints EQUAL or the first differences per result and exits 1 on any.
 */
public final class CrossRunnerCheck {
  private static final String PROGRAM = "cross-runner-check";
  static final String USAGE =
      String.join(
          "\n",
          "cross-runner-check: sliding counts on any runner against brute force (bounded input)",
          "options (defaults in brackets):",
          "  --output=DIR      where the runner writes its results [target/cross-runner-check]",
          "  --events=N        events, 40 hashtags over about an hour with quiet stretches [3000]",
          "  --size=60s --slide=2s   the sliding window",
          "  other --name=value options go to Beam: --runner=FlinkRunner --parallelism=2 [--streaming=true],",
          "  --runner=SparkRunner --sparkMaster=local[2], ...");
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  public static void main(String[] argv) throws Exception {
    BenchArgs args = new BenchArgs(PROGRAM, USAGE, List.of("output", "events", "size", "slide"), argv);
    Path out = Path.of(args.string("output", "target/cross-runner-check")).toAbsolutePath();
    int n = (int) args.positive("events", 3000);
    Duration size = args.duration("size", Duration.standardSeconds(60));
    Duration slide = args.duration("slide", Duration.standardSeconds(2));
    List<TimestampedValue<String>> events = events(n);

    Pipeline p = Pipeline.create(args.beamOptions());
    PCollection<String> in = p.apply(Create.timestamped(events).withCoder(StringUtf8Coder.of()));
    write(
        in.apply("Ours", CountPerSlidingWindow.<String>create().withWindow(size, slide))
            .apply("DescribeOurs", ParDo.of(new DescribeFn<KV<String, Long>>())),
        out.resolve("ours"));
    write(
        in.apply("Plain", Window.into(SlidingWindows.of(size).every(slide)))
            .apply("CountPlain", Count.perElement())
            .apply("DescribePlain", ParDo.of(new DescribeFn<KV<String, Long>>())),
        out.resolve("plain"));
    write(
        in.apply("Top", TopCountsPerSlidingWindow.<String>create().withTopN(3).withWindow(size, slide))
            .apply("DescribeTop", ParDo.of(new DescribeFn<List<KV<String, Long>>>())),
        out.resolve("top"));
    long start = System.nanoTime();
    PipelineResult.State state = p.run().waitUntilFinish();
    System.out.printf(Locale.ROOT, "%s: %s in %.1f s%n", PROGRAM, state, (System.nanoTime() - start) / 1e9);

    List<String> counts = new ArrayList<>();
    List<String> tops = new ArrayList<>();
    bruteForce(events, size, slide)
        .forEach(
            (window, table) -> {
              table.forEach((k, c) -> counts.add(window + " " + KV.of(k, c)));
              tops.add(window + " " + top3(table));
            });
    System.out.printf(
        "%s: %d windows, %d (window, hashtag) counts expected%n", PROGRAM, tops.size(), counts.size());
    boolean ok = same("CountPerSlidingWindow", read(out.resolve("ours")), counts);
    ok &= same("plain SlidingWindows + Count.perElement", read(out.resolve("plain")), counts);
    ok &= same("TopCountsPerSlidingWindow", read(out.resolve("top")), tops);
    System.exit(ok ? 0 : 1);
  }

  /** Hashtags of skewed popularity, mostly a fraction of a second apart, with quiet stretches of minutes. */
  private static List<TimestampedValue<String>> events(int n) {
    List<TimestampedValue<String>> events = new ArrayList<>();
    Random random = new Random(5);
    long t = 0;
    for (int i = 0; i < n; i++) {
      t += random.nextInt(50) == 0 ? random.nextInt(200_000) : random.nextInt(800);
      int tag = (int) Math.floor(Math.pow(random.nextDouble(), 3) * 40);
      events.add(TimestampedValue.of("#t" + tag, T0.plus(Duration.millis(t))));
    }
    return events;
  }

  private static Map<String, Map<String, Long>> bruteForce(
      List<TimestampedValue<String>> events, Duration size, Duration slide) {
    Map<String, Map<String, Long>> windows = new TreeMap<>();
    for (TimestampedValue<String> e : events) {
      for (IntervalWindow w : SlidingWindows.of(size).every(slide).assignWindows(e.getTimestamp())) {
        windows.computeIfAbsent(describe(w), k -> new TreeMap<>()).merge(e.getValue(), 1L, Long::sum);
      }
    }
    return windows;
  }

  private static List<KV<String, Long>> top3(Map<String, Long> table) {
    return table.entrySet().stream()
        .map(e -> KV.of(e.getKey(), e.getValue()))
        .sorted(Comparator.<KV<String, Long>, Long>comparing(KV::getValue).reversed().thenComparing(KV::getKey))
        .limit(3)
        .collect(Collectors.toList());
  }

  private static boolean same(String name, List<String> got, List<String> expected) {
    List<String> g = got.stream().sorted().collect(Collectors.toList());
    List<String> e = expected.stream().sorted().collect(Collectors.toList());
    boolean equal = g.equals(e);
    System.out.printf(
        "%s: %s: %s (%d results, %d expected)%n", PROGRAM, name, equal ? "EQUAL" : "DIFFERENT", g.size(), e.size());
    if (!equal) {
      Set<String> gs = new HashSet<>(g);
      Set<String> es = new HashSet<>(e);
      g.stream().filter(x -> !es.contains(x)).limit(5).forEach(x -> System.out.println("  unexpected " + x));
      e.stream().filter(x -> !gs.contains(x)).limit(5).forEach(x -> System.out.println("  missing " + x));
    }
    return equal;
  }

  private static void write(PCollection<String> lines, Path prefix) {
    String name = prefix.getFileName().toString();
    lines
        .apply(
            "AllInOne" + name,
            Window.<String>into(new GlobalWindows()).triggering(DefaultTrigger.of()).discardingFiredPanes())
        .apply("Write" + name, TextIO.write().to(prefix.toString()).withNumShards(1));
  }

  private static List<String> read(Path prefix) throws IOException {
    String name = prefix.getFileName().toString() + "-";
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(prefix.getParent())) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith(name)).toList()) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    return lines;
  }

  private static String describe(BoundedWindow window) {
    IntervalWindow w = (IntervalWindow) window;
    return w.start() + "/" + w.end();
  }

  /** One result as "window value". */
  private static final class DescribeFn<T> extends DoFn<T, String> {
    @ProcessElement
    public void process(@Element T result, BoundedWindow window, OutputReceiver<String> out) {
      out.output(describe(window) + " " + result);
    }
  }
}
