package dev.tributary.bench.sliding;

import dev.tributary.transforms.words.RunningWordCounts;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * The heap of the running-totals job ({@link RunningWordCounts}) over a long stream on the Direct runner:
 * every {@code --sampleEvery} events processed it forces a full GC and prints the heap in use before and
 * after it, with the words whose total is kept (for never-repeating words: totals emitted minus totals
 * expired by the idle expiry; for a vocabulary: the words seen so far) and the expired counter. The words
 * are either drawn from a fixed vocabulary ({@code --keys=N}) or never repeat ({@code --keys=unique}).
 *
 * <p>An event counts as processed once the total it changed has come out of the job. The source holds back
 * while more than two batches are read but not processed, so the heap holds the job's state and not a
 * backlog of unread input (the Direct runner would otherwise read far ahead).
 */
public final class RunningTotalsMemory {
  private static final String PROGRAM = "running-totals-memory";
  static final String USAGE =
      String.join(
          "\n",
          "running-totals-memory: heap of RunningWordCounts over a long stream (Direct runner)",
          "options (defaults in brackets):",
          "  --events=N        words streamed [10000000]",
          "  --keys=N|unique   vocabulary size, or never-repeating words [10000]",
          "  --idleExpiry=D    forget a word idle that long (processing time), or none [none]",
          "  --sampleEvery=N   events between heap samples [500000]",
          "  --batch=N         words per source element [1000]",
          "  --seed=X          of the word draws [7]",
          "  other --name=value options go to Beam (e.g. --targetParallelism=2)");


  public static void main(String[] argv) throws Exception {
    BenchArgs args =
        new BenchArgs(
            PROGRAM, USAGE, List.of("events", "keys", "idleExpiry", "sampleEvery", "batch", "seed"), argv);
    long events = args.positive("events", 10_000_000);
    String keysOption = args.string("keys", "10000");
    boolean unique = keysOption.equals("unique");
    if (!unique && !keysOption.matches("[1-9][0-9_]*")) {
      args.fail("--keys must be a vocabulary size (a whole number) or unique, got '" + keysOption + "'");
    }
    long keys = unique ? 0 : args.positive("keys", 10_000);
    Duration idle =
        args.string("idleExpiry", "none").equals("none") ? null : args.duration("idleExpiry", null);
    long sampleEvery = args.positive("sampleEvery", 500_000);
    long batch = args.positive("batch", 1000);
    long seed = args.positive("seed", 7);

    String run = "memory-" + System.nanoTime();
    WordEvents words = new WordEvents(events, keys, seed);
    Pipeline p = Pipeline.create(args.beamOptions("--blockOnRun=false"));
    RunningWordCounts totals = RunningWordCounts.create();
    p.apply("ReadBatches", Read.from(new EventSource(words, batch).withInFlightLimit(run, 2 * batch)))
        .apply("Words", ParDo.of(new EventSource.ExpandFn(words, batch, run)))
        .apply("RunningTotals", idle == null ? totals : totals.withIdleExpiry(idle))
        .apply("ReportProcessed", ParDo.of(new ReportProcessedFn(run, unique)));

    System.out.printf(
        Locale.ROOT,
        "%s: %,d words, %s, idle expiry %s, sample every %,d; %d cores, max heap %d MB, load %s; Beam"
            + " options %s%n%n",
        PROGRAM, events, unique ? "never repeating" : String.format(Locale.ROOT, "%,d-word vocabulary", keys),
        idle == null ? "none" : BenchArgs.show(idle), sampleEvery, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, Measure.loadAverage(), args.beamArgs());
    System.out.println(
        "| events | time (s) | events/s | heap used (MB) | heap after full GC (MB) | totals kept | expired"
            + " | load avg 1m |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");

    long start = System.nanoTime();
    // The pipeline runs in a thread of its own: on the Direct runner run() returns at once
    // (--blockOnRun=false) and its metrics are live; on Flink it blocks, and metrics come at the end.
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
      if (done >= next) {
        sample(result.get(), done, start, unique, keys);
        next = done / sampleEvery * sampleEvery + sampleEvery;
      } else {
        pipeline.join(100);
      }
    }
    sample(result.get(), EventSource.processed(run), start, unique, keys);
    if (failure.get() != null) {
      System.out.println("failed: " + failure.get());
      System.exit(1);
    }
    System.out.printf("%nstate %s%n", result.get().getState());
    System.exit(0);
  }

  private static void sample(
      @Nullable PipelineResult result, long done, long start, boolean unique, long keys) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = memory.getHeapMemoryUsage().getUsed();
    System.gc();
    long after = memory.getHeapMemoryUsage().getUsed();
    double seconds = (System.nanoTime() - start) / 1e9;
    long expired = counter(result, RunningWordCounts.NAMESPACE, RunningWordCounts.EXPIRED);
    // A never-repeating word is emitted once: kept until it expires. A vocabulary word is kept once seen.
    String kept =
        !unique
            ? String.format(Locale.ROOT, "%,d (all seen)", Math.min(keys, distinctSeen(done, keys)))
            : expired < 0 ? "?" : String.format(Locale.ROOT, "%,d", done - expired);
    System.out.printf(
        Locale.ROOT,
        "| %,d | %.0f | %,.0f | %,d | %,d | %s | %s | %s |%n",
        done, seconds, done / seconds, before >> 20, after >> 20, kept,
        expired < 0 ? "?" : String.format(Locale.ROOT, "%,d", expired), Measure.loadAverage());
  }

  /** Expected distinct words after {@code n} uniform draws from {@code keys}: all of them, soon. */
  private static long distinctSeen(long n, long keys) {
    return Math.round(keys * (1 - Math.pow(1 - 1.0 / keys, n)));
  }

  /** The counter's value, or -1 while the runner cannot tell. */
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
   * Reports the events whose totals came out: one per total for never-repeating words; for a vocabulary,
   * the rise of the word's total since its previous output (all of it after a restart by expiry).
   */
  private static final class ReportProcessedFn extends DoFn<KV<String, Long>, Void> {
    private static final Map<String, Map<String, Long>> LAST_TOTALS = new ConcurrentHashMap<>();
    private final String run;
    private final boolean unique;

    ReportProcessedFn(String run, boolean unique) {
      this.run = run;
      this.unique = unique;
    }

    @ProcessElement
    public void process(@Element KV<String, Long> total) {
      if (unique) {
        EventSource.processed(run, 1);
        return;
      }
      long now = total.getValue();
      Long before =
          LAST_TOTALS.computeIfAbsent(run, r -> new ConcurrentHashMap<>()).put(total.getKey(), now);
      EventSource.processed(run, before == null || now <= before ? now : now - before);
    }
  }
}
