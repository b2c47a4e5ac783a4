package dev.tributary.bench.sliding;

import dev.tributary.transforms.words.RunningWordCounts;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * The heap of the running-totals job ({@link RunningWordCounts}, default trigger) over a long stream, on
 * the Direct runner or embedded Flink: every {@code --sampleEvery} events processed it forces a full GC and
 * prints the heap left, the totals the job keeps and the totals its idle expiry has dropped. The words are
 * drawn from a fixed vocabulary ({@code --keys=N}) or never repeat ({@code --keys=unique}).
 *
 * <p>An event counts as processed once the total it changed has come out of the job. The source holds back
 * while more than two batches are read but not processed, so that the heap holds the job's state rather
 * than a backlog of unread input (both runners would otherwise read far ahead); {@code --rate} caps the
 * events per second on top, so that with an expiry the words kept (about rate × expiry) do not depend on
 * how fast the machine happens to be.
 *
 * <p>Totals kept: for never-repeating words, the totals emitted (each word's first and only one) minus those
 * expired; for a vocabulary, the distinct words emitted so far. With a vocabulary the benchmark cannot tell
 * a total restarted by the expiry from one that grew, so it refuses {@code --idleExpiry} there.
 */
public final class RunningTotalsMemory {
  private static final String PROGRAM = "running-totals-memory";
  static final String USAGE =
      String.join(
          "\n",
          "running-totals-memory: heap of RunningWordCounts over a long stream",
          "options (defaults in brackets):",
          "  --events=N        words streamed [10000000]",
          "  --keys=N|unique   vocabulary size, or never-repeating words [10000]",
          "  --idleExpiry=D    forget a word idle that long (processing time), or none; unique keys only [none]",
          "  --rate=N          at most N events per second, or 0 for as fast as the job goes [0]",
          "  --sampleEvery=N   events between heap samples [500000]",
          "  --batch=N         words per source element [1000]",
          "  --seed=X          of the word draws [7]",
          "  other --name=value options go to Beam: --runner=FlinkRunner --streaming=true (with -Pflink),",
          "  --targetParallelism=2, ...");

  public static void main(String[] argv) throws Exception {
    BenchArgs args =
        new BenchArgs(
            PROGRAM,
            USAGE,
            List.of("events", "keys", "idleExpiry", "rate", "sampleEvery", "batch", "seed"),
            argv);
    long events = args.positive("events", 10_000_000);
    String keysOption = args.string("keys", "10000");
    boolean unique = keysOption.equals("unique");
    if (!unique && !keysOption.matches("[1-9][0-9_]*")) {
      args.fail("--keys must be a vocabulary size (a whole number) or unique, got '" + keysOption + "'");
    }
    long keys = unique ? 0 : args.positive("keys", 10_000);
    Duration idle =
        args.string("idleExpiry", "none").equals("none") ? null : args.duration("idleExpiry", null);
    if (idle != null && !unique) {
      args.fail(
          "--idleExpiry needs --keys=unique: with a vocabulary a total restarted by the expiry cannot be told"
              + " from one that grew");
    }
    long rate = args.string("rate", "0").equals("0") ? 0 : args.positive("rate", 0);
    long sampleEvery = args.positive("sampleEvery", 500_000);
    long batch = args.positive("batch", 1000);
    long seed = args.positive("seed", 7);

    String run = "memory-" + System.nanoTime();
    WordEvents words = new WordEvents(events, keys, seed);
    boolean flink = args.beamArgs().stream().anyMatch(a -> a.startsWith("--runner=") && a.contains("Flink"));
    // Flink reports Beam's counters only at the end of the job; FlinkCounters reads them as it runs.
    Pipeline p =
        Pipeline.create(
            flink
                ? args.beamOptions("--flinkConfDir=" + FlinkCounters.confDir())
                : args.beamOptions("--blockOnRun=false"));
    RunningWordCounts totals = RunningWordCounts.create();
    p.apply(
            "ReadBatches",
            Read.from(new EventSource(words, batch).withInFlightLimit(run, 2 * batch).withRate(run, rate)))
        .apply("Words", ParDo.of(new EventSource.ExpandFn(words, batch, run)))
        .apply("RunningTotals", idle == null ? totals : totals.withIdleExpiry(idle))
        .apply("ReportProcessed", ParDo.of(new ReportProcessedFn(run, unique)));

    System.out.printf(
        Locale.ROOT,
        "%s: %,d words, %s, idle expiry %s, rate %s; sample every %,d; %d cores, max heap %d MB, load %s;"
            + " Beam options %s%n%n",
        PROGRAM,
        events,
        unique ? "never repeating" : String.format(Locale.ROOT, "%,d-word vocabulary", keys),
        idle == null ? "none" : BenchArgs.show(idle),
        rate == 0 ? "unlimited" : String.format(Locale.ROOT, "%,d/s", rate),
        sampleEvery,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        Measure.loadAverage(),
        args.beamArgs());
    System.out.println(
        "| events | time (s) | events/s | heap after full GC (MB) | totals kept | expired | load avg 1m |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | --- |");

    long start = System.nanoTime();
    AtomicReference<PipelineResult> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread pipeline =
        new Thread(
            () -> {
              try {
                PipelineResult r = p.run();
                result.set(r);
                r.waitUntilFinish();
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "pipeline");
    pipeline.start();
    long next = sampleEvery;
    while (pipeline.isAlive()) {
      long done = EventSource.processed(run);
      if (done >= next && done < events) {
        System.out.println(row(sample(result.get(), run, unique, flink), done, start));
        next = done / sampleEvery * sampleEvery + sampleEvery;
      } else {
        pipeline.join(100);
      }
    }
    if (failure.get() != null) {
      System.out.println("failed: " + failure.get());
      System.exit(1);
    }
    // At the end of the input the watermark reaches the end of the global window and the runners drop its
    // state: a figure of the running job, so it stays out of the table.
    Sample last = sample(result.get(), run, unique, flink);
    System.out.printf(
        Locale.ROOT,
        "%nstate %s after %,d events in %.0f s; then (input ended, global window closed): heap after full GC"
            + " %,d MB, expired %s%n",
        result.get().getState(),
        EventSource.processed(run),
        (System.nanoTime() - start) / 1e9,
        last.heapAfterGc >> 20,
        last.expired < 0 ? "?" : String.format(Locale.ROOT, "%,d", last.expired));
    System.exit(0);
  }

  /** What one sample saw. */
  private record Sample(long heapAfterGc, long kept, long expired, String load) {}

  private static Sample sample(
      @Nullable PipelineResult result, String run, boolean unique, boolean flink) {
    fullGc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long expired =
        flink
            ? FlinkCounters.sum(RunningWordCounts.EXPIRED)
            : counter(result, RunningWordCounts.NAMESPACE, RunningWordCounts.EXPIRED);
    long started = ReportProcessedFn.started(run);
    long kept = expired < 0 ? -1 : started - (unique ? expired : 0);
    return new Sample(heap, kept, expired, Measure.loadAverage());
  }

  private static String row(Sample s, long done, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    return String.format(
        Locale.ROOT,
        "| %,d | %.0f | %,.0f | %,d | %s | %s | %s |",
        done,
        seconds,
        done / seconds,
        s.heapAfterGc >> 20,
        s.kept < 0 ? "?" : String.format(Locale.ROOT, "%,d", s.kept),
        s.expired < 0 ? "?" : String.format(Locale.ROOT, "%,d", s.expired),
        s.load);
  }

  /**
   * {@code System.gc()} until a collection has really run: it can return without one (seen once as a
   * "heap after full GC" equal to the heap before it).
   */
  private static void fullGc() {
    long before = collections();
    for (int i = 0; i < 3 && collections() == before; i++) {
      System.gc();
    }
  }

  private static long collections() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }

  /** The counter's attempted value, or -1 while the runner cannot tell. */
  private static long counter(@Nullable PipelineResult result, String namespace, String name) {
    if (result == null) {
      return -1;
    }
    try {
      long sum = 0;
      for (MetricResult<Long> c :
          result
              .metrics()
              .queryMetrics(
                  MetricsFilter.builder().addNameFilter(MetricNameFilter.named(namespace, name)).build())
              .getCounters()) {
        sum += c.getAttempted();
      }
      return sum;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /**
   * Reports the events whose totals came out, and the totals that started: one of each per total for
   * never-repeating words; for a vocabulary, the rise of the word's total since its previous output, and a
   * start at its first output.
   */
  private static final class ReportProcessedFn extends DoFn<KV<String, Long>, Void> {
    private static final Map<String, Map<String, Long>> LAST_TOTALS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> STARTED = new ConcurrentHashMap<>();
    private final String run;
    private final boolean unique;

    ReportProcessedFn(String run, boolean unique) {
      this.run = run;
      this.unique = unique;
    }

    static long started(String run) {
      AtomicLong n = STARTED.get(run);
      return n == null ? 0 : n.get();
    }

    @ProcessElement
    public void process(@Element KV<String, Long> total) {
      AtomicLong started = STARTED.computeIfAbsent(run, r -> new AtomicLong());
      if (unique) {
        started.incrementAndGet();
        EventSource.processed(run, total.getValue());
        return;
      }
      long now = total.getValue();
      Long before =
          LAST_TOTALS.computeIfAbsent(run, r -> new ConcurrentHashMap<>()).put(total.getKey(), now);
      if (before == null) {
        started.incrementAndGet();
      }
      EventSource.processed(run, before == null ? now : now - before);
    }
  }
}
