package dev.tributary.transforms.modes;

import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Counts each key, emitting result rows {@code KV(key, count)} as a Spark streaming {@code
 * groupBy(key).count()} does in the chosen {@link OutputMode}, at the times the {@link TriggerSpec} says:
 *
 * <ul>
 *   <li>{@link OutputMode#APPEND}: one row per key per event-time window, in the window's single on-time
 *       pane, once the watermark passes its end. Data behind the watermark is dropped. Rejected without
 *       event-time windows (Spark's rule, see {@link OutputMode#checkAggregation}).
 *   <li>{@link OutputMode#UPDATE} (the default): at each firing, a row for each key that got new data since
 *       its previous firing, with its total so far (per window, if windowed). Keys fire independently.
 *   <li>{@link OutputMode#COMPLETE}: at each firing, a row for every key of the table, changed or not, all
 *       carrying that firing's pane. Built from {@link TabulateCounts}; use that directly to get each
 *       firing as one {@code Map}.
 * </ul>
 *
 * <p>Windows are those of {@link #withWindows}, else the input's; none means "since the start of the job".
 */
public final class CountByKey<K> extends PTransform<PCollection<K>, PCollection<KV<K, Long>>> {
  private final OutputMode mode;
  private final TriggerSpec trigger;
  private final @Nullable WindowFn<? super K, ?> windows;

  /** Update mode, default trigger, the input's windows. */
  public static <K> CountByKey<K> create() {
    return new CountByKey<>(OutputMode.UPDATE, TriggerSpec.defaultTrigger(), null);
  }

  private CountByKey(OutputMode mode, TriggerSpec trigger, @Nullable WindowFn<? super K, ?> windows) {
    this.mode = mode;
    this.trigger = trigger;
    this.windows = windows;
  }

  public CountByKey<K> withOutputMode(OutputMode mode) {
    return new CountByKey<>(mode, trigger, windows);
  }

  public CountByKey<K> withTrigger(TriggerSpec trigger) {
    return new CountByKey<>(mode, trigger, windows);
  }

  /** Count per event-time window, e.g. {@code FixedWindows.of(...)}. */
  public CountByKey<K> withWindows(WindowFn<? super K, ?> windows) {
    return new CountByKey<>(mode, trigger, windows);
  }

  @Override
  public PCollection<KV<K, Long>> expand(PCollection<K> keys) {
    Coder<KV<K, Long>> rowCoder = KvCoder.of(keys.getCoder(), VarLongCoder.of());
    if (mode == OutputMode.COMPLETE) {
      TabulateCounts<K> tabulate = TabulateCounts.<K>create().withTrigger(trigger);
      return keys.apply("TabulateCounts", windows == null ? tabulate : tabulate.withWindows(windows))
          .apply("EmitEveryRow", ParDo.of(new EveryRowFn<K>()))
          .setCoder(rowCoder);
    }
    WindowForOutputMode<K> windowing =
        WindowForOutputMode.<K>create().withOutputMode(mode).withTrigger(trigger);
    return keys.apply("WindowForOutputMode", windows == null ? windowing : windowing.withWindows(windows))
        .apply("CountPerKey", Count.perElement());
  }

  private static final class EveryRowFn<K> extends DoFn<Map<K, Long>, KV<K, Long>> {
    @ProcessElement
    public void process(@Element Map<K, Long> table, OutputReceiver<KV<K, Long>> out) {
      table.forEach((key, count) -> out.output(KV.of(key, count)));
    }
  }
}
