package dev.tributary.transforms.words;

import dev.tributary.transforms.common.CountWithinBundles;
import dev.tributary.transforms.modes.TriggerSpec;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Word counts that persist across batches, like the seeds' {@code updateStateByKey} with a checkpoint:
 * lines in (split by {@link SplitWords}), {@code KV(word, total since the start)} out.
 *
 * <p>A batch is one firing of the {@link TriggerSpec} ({@link #withTrigger}; by default whatever the runner
 * has processed, see {@link TriggerSpec#defaultTrigger()}; {@code processingTime=1s} is the seeds' one-second
 * batch interval). Each batch is counted per word, then added to the word's running total, kept in a
 * {@code ValueState} per word, which the runner checkpoints with the rest of the pipeline's state. After
 * each batch, every word that occurred in it is emitted once with its new total; words that did not occur
 * are not emitted (unlike {@code updateStateByKey}, which re-emits every key at every batch).
 *
 * <p>Under the default trigger a batch is a bundle: the words are counted within each bundle ({@link
 * CountWithinBundles}) and go straight to the per-word state, with no grouping in between. A grouping in the
 * global window would keep bookkeeping for every word it ever saw (its pane number and an end-of-window
 * timer, until the end of time), which no expiry of the totals could free. The other triggers need that
 * grouping to gather a batch, so they keep it.
 *
 * <p>With {@link #withIdleExpiry}, a word that does not occur for that long in processing time is
 * forgotten: its state is cleared, nothing is emitted for it, and the counter {@value #NAMESPACE}/{@value
 * #EXPIRED} goes up. If it occurs again its total restarts from 0, i.e. the next output is its count in that
 * batch. Under the default trigger this bounds the job's state by the words seen within the expiry, however
 * many distinct words go by, on a runner that keeps no per-key bookkeeping of its own in the global window
 * (Flink does not; the Direct runner does). The expiry uses a processing-time timer, which the Spark runner
 * supports in streaming mode from Beam 2.67 (it does not support event-time timers); without expiry the step
 * uses state only, no timer.
 */
public final class RunningWordCounts
    extends PTransform<PCollection<String>, PCollection<KV<String, Long>>> {
  public static final String NAMESPACE = "tributary.words";
  public static final String EXPIRED = "expired_words";

  private final TriggerSpec trigger;
  private final @Nullable Duration idleExpiry;

  public static RunningWordCounts create() {
    return new RunningWordCounts(TriggerSpec.defaultTrigger(), null);
  }

  private RunningWordCounts(TriggerSpec trigger, @Nullable Duration idleExpiry) {
    this.trigger = trigger;
    this.idleExpiry = idleExpiry;
  }

  /** When a batch ends, see the class comment. */
  public RunningWordCounts withTrigger(TriggerSpec trigger) {
    return new RunningWordCounts(trigger, idleExpiry);
  }

  /** Forget a word that has not occurred for this long (processing time); it then restarts at 0. */
  public RunningWordCounts withIdleExpiry(Duration idle) {
    if (!idle.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("idle expiry must be positive, got " + idle);
    }
    return new RunningWordCounts(trigger, idle);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<String> lines) {
    PCollection<String> words =
        lines.apply("SplitWords", SplitWords.create())
            .apply(
                "WindowIntoBatches",
                Window.<String>into(new GlobalWindows())
                    .triggering(trigger.toTrigger())
                    .discardingFiredPanes()
                    // No empty batch when the input ends: it would re-emit unchanged totals.
                    .withOnTimeBehavior(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY)
                    .withAllowedLateness(Duration.ZERO));
    PCollection<KV<String, Long>> batchCounts =
        trigger.getKind() == TriggerSpec.Kind.DEFAULT
            ? words
                .apply("CountPerBatch", CountWithinBundles.<String>create())
                .apply("PerWord", ParDo.of(new TableEntriesFn()))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
            : words.apply("CountPerBatch", Count.perElement());
    return batchCounts
        .apply(
            "AddToRunningTotals",
            idleExpiry == null
                ? ParDo.of(new RunningTotalFn())
                : ParDo.of(new ExpiringRunningTotalFn(idleExpiry)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  /** A bundle's count table as one element per word. */
  private static final class TableEntriesFn extends DoFn<Map<String, Long>, KV<String, Long>> {
    @ProcessElement
    public void process(@Element Map<String, Long> table, OutputReceiver<KV<String, Long>> out) {
      for (Map.Entry<String, Long> e : table.entrySet()) {
        out.output(KV.of(e.getKey(), e.getValue()));
      }
    }
  }

  /** Adds a batch's count to the word's total and returns the emitted row. */
  private static KV<String, Long> add(KV<String, Long> batch, ValueState<Long> total) {
    Long before = total.read();
    long after = (before == null ? 0L : before) + batch.getValue();
    total.write(after);
    return KV.of(batch.getKey(), after);
  }

  private static final class RunningTotalFn extends DoFn<KV<String, Long>, KV<String, Long>> {
    @StateId("total")
    private final StateSpec<ValueState<Long>> totalSpec = StateSpecs.value(VarLongCoder.of());

    @ProcessElement
    public void process(
        @Element KV<String, Long> batch,
        @StateId("total") ValueState<Long> total,
        OutputReceiver<KV<String, Long>> out) {
      out.output(add(batch, total));
    }
  }

  private static final class ExpiringRunningTotalFn extends DoFn<KV<String, Long>, KV<String, Long>> {
    private final Duration idleExpiry;
    private final Counter expired = Metrics.counter(NAMESPACE, EXPIRED);

    @StateId("total")
    private final StateSpec<ValueState<Long>> totalSpec = StateSpecs.value(VarLongCoder.of());

    @TimerId("expiry")
    private final TimerSpec expirySpec = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

    ExpiringRunningTotalFn(Duration idleExpiry) {
      this.idleExpiry = idleExpiry;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Long> batch,
        @StateId("total") ValueState<Long> total,
        @TimerId("expiry") Timer expiry,
        OutputReceiver<KV<String, Long>> out) {
      out.output(add(batch, total));
      // Setting the timer again moves it: the word expires idleExpiry after its latest batch. It emits
      // nothing, so it holds no watermark back.
      expiry.withNoOutputTimestamp().offset(idleExpiry).setRelative();
    }

    @OnTimer("expiry")
    public void onExpiry(@StateId("total") ValueState<Long> total) {
      total.clear();
      expired.inc();
    }
  }
}
