package dev.tributary.transforms.sliding;

import dev.tributary.transforms.common.CountsByKeyFn;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.MapState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The engine behind {@link CountPerSlidingWindow} and {@link TopCountsPerSlidingWindow}: counts keys per
 * sliding window by inverse reduce, as Spark's {@code reduceByKeyAndWindow(add, subtract, size, slide)},
 * and emits one {@link WindowSummary} per non-empty window, in that window, on time.
 *
 * <p>With {@code m = size / slide}, the steps are:
 *
 * <ol>
 *   <li>{@code CountPerPane}: tumbling panes of one slide, one count table per non-empty pane. Every element
 *       is counted once, in one pane: O(1) per element.
 *   <li>{@code EnterAndLeaveWindows}: each pane table goes out twice, as an entering delta stamped in its own
 *       pane and, negated, as a leaving delta stamped {@code size} later (the first window it is no longer
 *       in), plus one key-less marker that {@link DeltaPanes} puts into the {@code m - 1} panes in between.
 *       Outputs only move forward in time, so no timer is needed. O(keys in the pane) per non-empty pane,
 *       plus O(m) window assignments of the marker.
 *   <li>{@code EnteringPerPane} then {@code NetChangePerPane}: everything in one pane merged into one {@link
 *       PaneDelta}, the difference between the window ending there and the window one slide earlier. The
 *       entering deltas and markers are merged first, the leaving deltas joined after, so that a leaving
 *       table waiting {@code size} for its pane is not touched by the markers arriving meanwhile. Both
 *       combines are lifted, so markers are merged before any shuffle. Because of the markers, every window
 *       that holds a key (and the first empty one after) gets exactly one delta.
 *   <li>{@code SlideRunningTable}: a stateful DoFn on a single key in the global window keeps the running
 *       table, adds each delta (O(keys it changes)) and emits the window's summary, stamped at the window's
 *       last millisecond. It uses state but no timers (the classic Spark runner has no event-time timers in
 *       streaming mode); deltas that arrive before their predecessor wait in state, see {@link
 *       RunningTables}. It outputs only at or after the timestamp of the element it processes, which holds
 *       the watermark, so nothing it emits is late.
 *   <li>{@code IntoSlidingWindows} and {@code FirePerWindow}: the summary goes into the one window it
 *       describes ({@link SlidingWindowEndingAt}) and through a GroupByKey, so each window fires once,
 *       {@code ON_TIME}, like a GroupByKey in {@code SlidingWindows} would.
 * </ol>
 *
 * <p>State: the running table (the keys of the current window) and the deltas waiting for their
 * predecessor, in map state, one entry each. Streaming, few wait: a delta waits only while the one before
 * it is in flight. When every pane closes at once (bounded input, or a watermark jump after a backlog),
 * deltas may arrive in any order, and up to all of them wait, as much as the pane tables themselves. The
 * counter {@value #NAMESPACE}/{@value #OUT_OF_ORDER_DELTAS} counts the deltas that waited.
 *
 * <p>Lateness: panes allow none. An element already behind the watermark when it reaches the pane step is
 * dropped from every window by Beam's late-data handling; plain {@code SlidingWindows} would still count it
 * in those of its windows that are not yet closed.
 */
final class SumPanesPerSlidingWindow<K, OutputT> extends PTransform<PCollection<K>, PCollection<OutputT>> {
  static final String NAMESPACE = "tributary.sliding";
  /** Deltas that reached the running table before their predecessor and waited in state. */
  static final String OUT_OF_ORDER_DELTAS = "deltas_out_of_order";

  private final Duration size;
  private final Duration slide;
  private final WindowSummary<K, OutputT> summary;

  SumPanesPerSlidingWindow(Duration size, Duration slide, WindowSummary<K, OutputT> summary) {
    checkWindow(size, slide);
    this.size = size;
    this.slide = slide;
    this.summary = summary;
  }

  /** At most this many panes per window: the work per non-empty pane grows with it. */
  static final long MAX_PANES_PER_WINDOW = 1_000_000;

  /** Rejects what this transform cannot reproduce exactly, or would do badly, with the reason. */
  static void checkWindow(Duration size, Duration slide) {
    if (!size.isLongerThan(Duration.ZERO) || !slide.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException(
          "window size and slide must be positive, got size " + show(size) + " and slide " + show(slide));
    }
    long m = size.getMillis() / slide.getMillis();
    if (size.getMillis() % slide.getMillis() != 0) {
      String sizes =
          m == 0
              ? show(slide)
              : show(slide.multipliedBy(m)) + " or " + show(slide.multipliedBy(m + 1));
      throw new IllegalArgumentException(
          "window size "
              + show(size)
              + " is not a multiple of its slide "
              + show(slide)
              + ": sliding counts are built from panes one slide long, so use a size of "
              + sizes
              + ", or plain SlidingWindows");
    }
    if (m > MAX_PANES_PER_WINDOW) {
      throw new IllegalArgumentException(
          "window size "
              + show(size)
              + " is "
              + m
              + " slides of "
              + show(slide)
              + "; at most "
              + MAX_PANES_PER_WINDOW
              + " are supported, since each non-empty slide costs work in proportion: use a longer slide");
    }
  }

  /**
   * Keys are counted in Java hash maps, by {@code equals}; {@code Count.perElement} groups them by their
   * encoding. The two agree only if the coder is consistent with equals ({@code byte[]} keys, for one, are
   * not: arrays compare by identity).
   */
  static void checkKeyCoder(Coder<?> keyCoder) {
    if (!keyCoder.consistentWithEquals()) {
      throw new IllegalArgumentException(
          "sliding counts keep keys in hash maps, so the key coder must be consistent with equals, and "
              + keyCoder
              + " is not: map the keys to a type whose equals compares values (String, Long, a KV of those,"
              + " a schema Row...)");
    }
  }

  static String show(Duration d) {
    long ms = d.getMillis();
    if (ms % 1000 != 0) {
      return ms + "ms";
    }
    long s = ms / 1000;
    if (s != 0 && s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s != 0 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  @Override
  public PCollection<OutputT> expand(PCollection<K> keys) {
    Coder<K> keyCoder = keys.getCoder();
    checkKeyCoder(keyCoder);
    Coder<OutputT> outputCoder = summary.coder(keyCoder);
    PaneDeltaCoder<K> deltaCoder = PaneDeltaCoder.of(keyCoder);
    int m = (int) (size.getMillis() / slide.getMillis());

    PCollection<Map<K, Long>> paneTables =
        keys.apply("IntoPanes", onTimeOnly(Window.<K>into(FixedWindows.of(slide))))
            .apply("CountPerPane", Combine.globally(CountsByKeyFn.<K>create()).withoutDefaults())
            .setCoder(MapCoder.of(keyCoder, VarLongCoder.of()));

    TupleTag<PaneDelta<K>> entering = new TupleTag<>("entering");
    TupleTag<PaneDelta<K>> leaving = new TupleTag<>("leaving");
    PCollectionTuple sent =
        paneTables.apply(
            "EnterAndLeaveWindows",
            ParDo.of(new EnterAndLeaveFn<>(size, slide, entering, leaving))
                .withOutputTags(entering, TupleTagList.of(leaving)));
    PCollection<PaneDelta<K>> enteringPerPane =
        sent.get(entering)
            .setCoder(deltaCoder)
            .apply("IntoMarkedPanes", onTimeOnly(Window.<PaneDelta<K>>into(new DeltaPanes(slide, m - 1))))
            .apply("EnteringPerPane", Combine.globally(new MergeDeltasFn<>(keyCoder)).withoutDefaults())
            .setCoder(deltaCoder);
    PCollection<PaneDelta<K>> leavingPerPane =
        sent.get(leaving)
            .setCoder(deltaCoder)
            .apply("IntoPanesAgain", onTimeOnly(Window.<PaneDelta<K>>into(FixedWindows.of(slide))));
    PCollection<KV<Integer, PaneDelta<K>>> deltas =
        PCollectionList.of(
                enteringPerPane.apply(
                    "IntoPanesOnceMore", onTimeOnly(Window.<PaneDelta<K>>into(FixedWindows.of(slide)))))
            .and(leavingPerPane)
            .apply("EnteringAndLeaving", Flatten.pCollections())
            .apply("NetChangePerPane", Combine.globally(new MergeDeltasFn<>(keyCoder)).withoutDefaults())
            .setCoder(deltaCoder)
            .apply("PinToPane", ParDo.of(new PinFn<K>()))
            .setCoder(KvCoder.of(VarIntCoder.of(), deltaCoder));

    return deltas
        .apply(
            "IntoGlobalWindow",
            Window.<KV<Integer, PaneDelta<K>>>into(new GlobalWindows())
                .triggering(DefaultTrigger.of())
                .withAllowedLateness(Duration.ZERO)
                .discardingFiredPanes())
        .apply("SlideRunningTable", ParDo.of(new SlideFn<>(slide, keyCoder, summary)))
        .setCoder(KvCoder.of(VarIntCoder.of(), outputCoder))
        .apply(
            "IntoSlidingWindows",
            onTimeOnly(Window.<KV<Integer, OutputT>>into(new SlidingWindowEndingAt(size, slide))))
        .apply("FirePerWindow", GroupByKey.create())
        .apply("WindowResult", ParDo.of(new OnlyResultFn<>()))
        .setCoder(outputCoder);
  }

  /**
   * One on-time firing per window and no lateness, whatever the input's windowing said: the default
   * trigger with zero allowed lateness. (The default trigger, rather than an equivalent one, also lets
   * runners such as the Direct runner lift the combines.)
   */
  private static <T> Window<T> onTimeOnly(Window<T> window) {
    return window
        .triggering(DefaultTrigger.of())
        .withAllowedLateness(Duration.ZERO, Window.ClosingBehavior.FIRE_IF_NON_EMPTY)
        .discardingFiredPanes()
        .withTimestampCombiner(TimestampCombiner.END_OF_WINDOW);
  }

  /**
   * Sends a pane's table into the windows: entering now, with one marker for the next panes (see {@link
   * DeltaPanes}), and leaving {@code size} later, on an output of its own. All outputs are at or after the
   * input's timestamp.
   */
  private static final class EnterAndLeaveFn<K> extends DoFn<Map<K, Long>, PaneDelta<K>> {
    private final long sizeMillis;
    private final long slideMillis;
    private final TupleTag<PaneDelta<K>> entering;
    private final TupleTag<PaneDelta<K>> leaving;

    EnterAndLeaveFn(
        Duration size, Duration slide, TupleTag<PaneDelta<K>> entering, TupleTag<PaneDelta<K>> leaving) {
      this.sizeMillis = size.getMillis();
      this.slideMillis = slide.getMillis();
      this.entering = entering;
      this.leaving = leaving;
    }

    @ProcessElement
    public void process(@Element Map<K, Long> paneCounts, BoundedWindow pane, MultiOutputReceiver out) {
      long end = pane.maxTimestamp().getMillis() + 1;
      OutputReceiver<PaneDelta<K>> enters = out.get(entering);
      enters.outputWithTimestamp(PaneDelta.entering(paneCounts), new Instant(end - 1));
      if (sizeMillis > slideMillis) {
        enters.outputWithTimestamp(PaneDelta.marker(), new Instant(end));
      }
      out.get(leaving).outputWithTimestamp(PaneDelta.leaving(paneCounts), new Instant(end + sizeMillis - 1));
    }
  }

  /** Gives the merged delta its pane, and the single key of the running table. */
  private static final class PinFn<K> extends DoFn<PaneDelta<K>, KV<Integer, PaneDelta<K>>> {
    @ProcessElement
    public void process(
        @Element PaneDelta<K> delta, BoundedWindow pane, OutputReceiver<KV<Integer, PaneDelta<K>>> out) {
      out.output(KV.of(0, delta.pinnedTo(pane.maxTimestamp().getMillis() + 1)));
    }
  }

  /** Applies the deltas in pane order and emits each non-empty window's summary. State, no timers. */
  private static final class SlideFn<K, OutputT>
      extends DoFn<KV<Integer, PaneDelta<K>>, KV<Integer, OutputT>> {
    private final long slideMillis;
    private final WindowSummary<K, OutputT> summary;
    private final Counter outOfOrder = Metrics.counter(NAMESPACE, OUT_OF_ORDER_DELTAS);

    @StateId("runs")
    private final StateSpec<ValueState<Map<Long, Map<K, Long>>>> runsSpec;

    @StateId("waiting")
    private final StateSpec<MapState<Long, PaneDelta<K>>> waitingSpec;

    @StateId("waitingCount")
    private final StateSpec<ValueState<Long>> waitingCountSpec = StateSpecs.value(VarLongCoder.of());

    SlideFn(Duration slide, Coder<K> keyCoder, WindowSummary<K, OutputT> summary) {
      this.slideMillis = slide.getMillis();
      this.summary = summary;
      this.runsSpec =
          StateSpecs.value(
              MapCoder.of(VarLongCoder.of(), MapCoder.of(keyCoder, VarLongCoder.of())));
      this.waitingSpec = StateSpecs.map(VarLongCoder.of(), PaneDeltaCoder.of(keyCoder));
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, PaneDelta<K>> element,
        @StateId("runs") ValueState<Map<Long, Map<K, Long>>> runsState,
        @StateId("waiting") MapState<Long, PaneDelta<K>> waiting,
        @StateId("waitingCount") ValueState<Long> waitingCount,
        OutputReceiver<KV<Integer, OutputT>> out) {
      Map<Long, Map<K, Long>> runs = orEmpty(runsState.read());
      boolean applied =
          new RunningTables<>(slideMillis, runs, new WaitingInState<>(waiting, waitingCount))
              .apply(
                  element.getValue(),
                  (windowEnd, table) ->
                      out.outputWithTimestamp(
                          KV.of(0, summary.summarize(table)), new Instant(windowEnd - 1)));
      if (!applied) {
        outOfOrder.inc();
      } else if (runs.isEmpty()) {
        runsState.clear();
      } else {
        runsState.write(runs);
      }
    }

    private static <A, B> Map<A, B> orEmpty(@Nullable Map<A, B> stored) {
      return stored == null ? new HashMap<>() : stored;
    }
  }

  /**
   * Waiting deltas in map state: one entry read, written or removed at a time (on runners that store map
   * entries separately, such as Flink with RocksDB, a long backlog of waiting deltas costs O(1) per delta).
   *
   * <p>The map state is cleared when its last entry is taken, which needs the count of entries: the classic
   * Spark runner (Beam 2.70) stores a map state as one encoded map, an emptied map decodes as an immutable
   * empty map on which its next {@code put} fails, and its {@code isEmpty()} only says whether the state was
   * ever written.
   */
  private static final class WaitingInState<K> implements RunningTables.Waiting<K> {
    private final MapState<Long, PaneDelta<K>> state;
    private final ValueState<Long> count;

    WaitingInState(MapState<Long, PaneDelta<K>> state, ValueState<Long> count) {
      this.state = state;
      this.count = count;
    }

    @Override
    public boolean contains(long paneEnd) {
      return state.get(paneEnd).read() != null;
    }

    @Override
    public void park(long paneEnd, PaneDelta<K> delta) {
      state.put(paneEnd, delta);
      Long before = count.read();
      count.write(before == null ? 1 : before + 1);
    }

    @Override
    public @Nullable PaneDelta<K> take(long paneEnd) {
      PaneDelta<K> delta = state.get(paneEnd).read();
      if (delta != null) {
        Long before = count.read();
        long left = (before == null ? 0 : before) - 1;
        if (left <= 0) {
          state.clear();
          count.clear();
        } else {
          state.remove(paneEnd);
          count.write(left);
        }
      }
      return delta;
    }
  }

  /** Unwraps the single summary of a window. */
  private static final class OnlyResultFn<OutputT> extends DoFn<KV<Integer, Iterable<OutputT>>, OutputT> {
    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<OutputT>> grouped, BoundedWindow window, OutputReceiver<OutputT> out) {
      Iterator<OutputT> results = grouped.getValue().iterator();
      OutputT result = results.next();
      if (results.hasNext()) {
        throw new IllegalStateException("window " + window + " got more than one result");
      }
      out.output(result);
    }
  }
}
