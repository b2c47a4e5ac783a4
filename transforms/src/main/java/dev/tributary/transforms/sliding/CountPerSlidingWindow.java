package dev.tributary.transforms.sliding;

import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Counts each key per sliding window, with a cost per element that does not grow with {@code size/slide}.
 *
 * <p>The result is the same as {@code Window.into(SlidingWindows.of(size).every(slide))} followed by {@code
 * Count.perElement()}: for every window holding at least one element, one {@code KV(key, count)} per key
 * present, in that {@link org.apache.beam.sdk.transforms.windowing.IntervalWindow}, in a single {@code
 * ON_TIME} pane, stamped at the window's last millisecond. Plain sliding windows copy every element into
 * {@code size/slide} windows (300 copies for 300 s every 1 s); this transform counts each element once, in a
 * pane one slide long, then slides a running table by adding the pane that enters each window and
 * subtracting the one that leaves (Spark's {@code reduceByKeyAndWindow} with an inverse function).
 *
 * <p>Cost, with {@code m = size/slide}, {@code P} the keys of a pane, {@code C} the keys whose count
 * changes from one window to the next (at most the keys of the pane entering plus those of the pane
 * leaving) and {@code W} the keys of a window:
 *
 * <ul>
 *   <li>per element: O(1), one increment in its pane's table, whatever {@code m};
 *   <li>per non-empty pane: O(P) to send its table into the windows (entering) and out of them (leaving,
 *       {@code size} later), plus one key-less marker assigned to the next {@code m - 1} panes, so that
 *       every window fires without timers: O(m) tiny window assignments, merged before any shuffle;
 *   <li>per window: O(C) to slide the running table, plus O(W) to emit the window's counts, which is the
 *       size of the result itself ({@link TopCountsPerSlidingWindow}: O(W log n) to rank instead). On
 *       runners that serialize state on each access (Spark, Flink with RocksDB) the running table, O(W),
 *       is also read and written once per window.
 * </ul>
 *
 * <p>Plain sliding windows cost O(m) per element instead: each element is copied into {@code m} windows
 * and counted {@code m} times.
 *
 * <p>For the {@code n} highest counts per window (the trending-hashtags case), use {@link
 * TopCountsPerSlidingWindow}: same windows and costs, but each window emits a ranked list instead of W
 * counts.
 *
 * <p>Requirements and limits:
 *
 * <ul>
 *   <li>{@code size} must be a multiple of {@code slide} (rejected otherwise, with the sizes that would
 *       work), and at most a million slides; windows are aligned to the epoch (offset 0), as {@code
 *       SlidingWindows} by default.
 *   <li>Uses state (a value and a map) but no timers, so it also runs on the classic Spark runner in
 *       streaming mode, which has no event-time timers. The sliding is done by one stateful key: counting
 *       the elements is parallel (combiner lifting), sliding one table per pane is not.
 *   <li>On-time results only: no early firings, no allowed lateness. An element already behind the
 *       watermark is dropped from every window, whereas plain sliding windows would still count it in those
 *       of its windows that have not closed yet. Any trigger set on the input is replaced.
 *   <li>Keys are compared with {@code equals}/{@code hashCode}, as in {@link
 *       dev.tributary.transforms.common.CountsByKeyFn}; the input's coder encodes them between steps and
 *       must be {@linkplain Coder#consistentWithEquals() consistent with equals} (checked at construction:
 *       {@code byte[]} keys are refused). Unlike {@code Count.perElement} it need not be deterministic.
 *   <li>The result's windowing function puts an element stamped {@code t} into the window ending at {@code
 *       t + 1 ms}; re-window it before using it to group data other than these results.
 * </ul>
 *
 * <p>Runners. The same per-window counts as plain {@code SlidingWindows} + {@code Count.perElement} were
 * checked (Beam 2.70) on the Direct runner (the tests), on Flink 1.19 embedded with parallelism 2 in batch
 * and in streaming mode, on Spark 3.5 {@code local[2]} in batch mode, and on Spark in streaming mode both
 * with {@code TestStream} (on-time data) and with an {@code UnboundedSource} holding an element behind the
 * watermark (dropped, as on Direct). One combination fails: Spark's {@code TestStream} with an element
 * behind the watermark, which the Spark runner does not drop but fires as a second on-time pane of a
 * closed window; the pipeline then stops with "a second delta for the window ending at ...". On Flink's
 * {@code TestStream} such an element is not late at all (counted everywhere, like plain windows there).
 */
public final class CountPerSlidingWindow<K> extends PTransform<PCollection<K>, PCollection<KV<K, Long>>> {
  private final @Nullable Duration size;
  private final @Nullable Duration slide;

  public static <K> CountPerSlidingWindow<K> create() {
    return new CountPerSlidingWindow<>(null, null);
  }

  private CountPerSlidingWindow(@Nullable Duration size, @Nullable Duration slide) {
    this.size = size;
    this.slide = slide;
  }

  /** Windows {@code size} long starting every {@code slide}; {@code size} must be a multiple of it. */
  public CountPerSlidingWindow<K> withWindow(Duration size, Duration slide) {
    SumPanesPerSlidingWindow.checkWindow(size, slide);
    return new CountPerSlidingWindow<>(size, slide);
  }

  @Override
  public PCollection<KV<K, Long>> expand(PCollection<K> keys) {
    if (size == null || slide == null) {
      throw new IllegalStateException("CountPerSlidingWindow needs withWindow(size, slide)");
    }
    Coder<K> keyCoder = keys.getCoder();
    return keys.apply(
            "SumPanes",
            new SumPanesPerSlidingWindow<>(size, slide, WindowSummary.<K>wholeTable()))
        .apply("OneCountPerKey", ParDo.of(new ExplodeFn<K>()))
        .setCoder(KvCoder.of(keyCoder, VarLongCoder.of()));
  }

  private static final class ExplodeFn<K> extends DoFn<Map<K, Long>, KV<K, Long>> {
    @ProcessElement
    public void process(@Element Map<K, Long> table, OutputReceiver<KV<K, Long>> out) {
      table.forEach((k, n) -> out.output(KV.of(k, n)));
    }
  }
}
