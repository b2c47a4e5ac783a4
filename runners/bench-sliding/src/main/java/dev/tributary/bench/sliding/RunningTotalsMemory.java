package dev.tributary.bench.sliding;

import dev.tributary.transforms.words.RunningWordCounts;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Duration;

/**
 * The heap of the running-totals job ({@link RunningWordCounts}) over a long stream on the Direct runner:
 * every {@code --sampleEvery} events it forces a full GC and prints the heap in use before and after it,
 * with the words whose total is kept (for never-repeating words: totals emitted minus totals expired by the
 * idle expiry; for a vocabulary: the words seen so far) and the expired counter. The words are either drawn
 * from a fixed vocabulary ({@code --keys=N}) or never repeat ({@code --keys=unique}).
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

  private static final String EMITTED = "totals_emitted";

  public static void main(String[] argv) throws Exception {
    BenchArgs args =
        new BenchArgs(
            PROGRAM, USAGE, List.of("events", "keys", "idleExpiry", "sampleEvery", "batch", "seed"), argv);
    long events = args.positive("events", 10_000_000);
    boolean unique = args.string("keys", "").equals("unique");
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
    p.apply("ReadBatches", Read.from(new EventSource(words, batch)))
        .apply("Words", ParDo.of(new EventSource.ExpandFn(words, batch, run)))
        .apply("RunningTotals", idle == null ? totals : totals.withIdleExpiry(idle))
        .apply("CountEmitted", ParDo.of(new CountEmittedFn()));

    System.out.printf(
        Locale.ROOT,
        "%s: %,d words, %s, idle expiry %s, sample every %,d; %d cores, max heap %d MB, load %s; Beam"
            + " options %s%n%n",
        PROGRAM, events, unique ? "never repeating" : String.format(Locale.ROOT, "%,d-word vocabulary", keys),
        idle == null ? "none" : idle, sampleEvery, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, Measure.loadAverage(), args.beamArgs());
    System.out.println(
        "| events | time (s) | events/s | heap used (MB) | heap after full GC (MB) | totals kept | expired"
            + " | load avg 1m |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");

    long start = System.nanoTime();
    PipelineResult result = p.run();
    long next = sampleEvery;
    while (next <= events) {
      long done = EventSource.expanded(run);
      if (done >= next || result.getState().isTerminal()) {
        sample(result, done, start, unique, keys);
        next = Math.max(next, done) / sampleEvery * sampleEvery + sampleEvery;
        if (result.getState().isTerminal()) {
          break;
        }
      } else {
        Thread.sleep(100);
      }
    }
    PipelineResult.State state = result.waitUntilFinish(Duration.standardMinutes(2));
    sample(result, EventSource.expanded(run), start, unique, keys);
    System.out.printf("%nstate %s%n", state);
    if (state == null || !state.isTerminal()) {
      result.cancel();
    }
    System.exit(state == PipelineResult.State.FAILED ? 1 : 0);
  }

  private static void sample(PipelineResult result, long done, long start, boolean unique, long keys) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = memory.getHeapMemoryUsage().getUsed();
    System.gc();
    long after = memory.getHeapMemoryUsage().getUsed();
    double seconds = (System.nanoTime() - start) / 1e9;
    long expired = counter(result, RunningWordCounts.NAMESPACE, RunningWordCounts.EXPIRED);
    long emitted = counter(result, PROGRAM, EMITTED);
    // A never-repeating word is emitted once: kept until it expires. A vocabulary word is kept once seen.
    String kept =
        unique
            ? String.format(Locale.ROOT, "%,d", emitted - expired)
            : String.format(Locale.ROOT, "%,d (all seen)", Math.min(keys, distinctSeen(done, keys)));
    System.out.printf(
        Locale.ROOT,
        "| %,d | %.0f | %,.0f | %,d | %,d | %s | %,d | %s |%n",
        done, seconds, done / seconds, before >> 20, after >> 20, kept, expired, Measure.loadAverage());
  }

  /** Expected distinct words after {@code n} uniform draws from {@code keys}: all of them, soon. */
  private static long distinctSeen(long n, long keys) {
    return Math.round(keys * (1 - Math.pow(1 - 1.0 / keys, n)));
  }

  private static long counter(PipelineResult result, String namespace, String name) {
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

  /** Counts the totals the job emits. */
  private static final class CountEmittedFn extends DoFn<KV<String, Long>, Void> {
    private final Counter emitted = Metrics.counter(PROGRAM, EMITTED);

    @ProcessElement
    public void process() {
      emitted.inc();
    }
  }
}
