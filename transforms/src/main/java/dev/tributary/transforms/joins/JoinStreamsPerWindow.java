package dev.tributary.transforms.joins;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Duration;

/**
 * Inner join of two keyed streams per fixed event-time window (1 minute by default): for each key and
 * window, one {@code KV(key, KV(left, right))} per pair of a left and a right row with that key in that
 * window. Rows of different windows never match. Built on {@code CoGroupByKey}; both sides are re-windowed
 * here, so any windowing they had is replaced.
 *
 * <p><b>Timing.</b> A key's pairs in a window are emitted once, in the on-time pane, when the watermark
 * passes the end of the window, stamped at the window's last millisecond.
 *
 * <p><b>Late rows.</b> A row behind the watermark but within {@link #withAllowedLateness} (0 by default)
 * fires its key in its window again, in a late pane. Panes accumulate, so a late pane holds <i>every</i>
 * pair of that key and window, those already emitted and the new ones: it replaces the key's previous pane,
 * it does not add to it. (Discarding panes would join a late row only with the other rows of its own late
 * pane and silently lose its pairs with the on-time rows.) Keys without late rows do not fire again. A
 * consumer keeping the latest pane per key and window has the complete join; one that wants only the new
 * pairs subtracts the key's previous pane. Rows later than the allowed lateness are dropped by Beam before
 * the join and counted by the runner ({@code DroppedDueToLateness} on the Direct runner), not by this
 * transform.
 *
 * <p><b>Unmatched rows.</b> An inner join emits nothing for a row whose key has no row on the other side in
 * the same window. Such rows are counted in {@value #NAMESPACE}/{@value #UNMATCHED_LEFT} and {@value
 * #UNMATCHED_RIGHT}, and emitted pairs in {@value #NAMESPACE}/{@value #JOINED_PAIRS}. Counters count per
 * firing: with on-time data only, every row is counted once, so left rows = matched left rows + {@value
 * #UNMATCHED_LEFT}; a late pane counts its key's rows again, as it emits its pairs again.
 *
 * @param <K> the join key; its coder must be deterministic
 * @param <L> the left value
 * @param <R> the right value
 */
public final class JoinStreamsPerWindow<K, L, R>
    extends PTransform<JoinSides<K, L, R>, PCollection<KV<K, KV<L, R>>>> {
  public static final String NAMESPACE = "tributary.joins";
  public static final String JOINED_PAIRS = "joined_pairs";
  public static final String UNMATCHED_LEFT = "unmatched_left";
  public static final String UNMATCHED_RIGHT = "unmatched_right";

  private final Duration windowSize;
  private final Duration allowedLateness;

  /** 1-minute windows, no allowed lateness. */
  public static <K, L, R> JoinStreamsPerWindow<K, L, R> create() {
    return new JoinStreamsPerWindow<>(Duration.standardMinutes(1), Duration.ZERO);
  }

  private JoinStreamsPerWindow(Duration windowSize, Duration allowedLateness) {
    this.windowSize = windowSize;
    this.allowedLateness = allowedLateness;
  }

  public JoinStreamsPerWindow<K, L, R> withWindowSize(Duration size) {
    if (!size.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("window size must be positive, got " + size);
    }
    return new JoinStreamsPerWindow<>(size, allowedLateness);
  }

  /** How long after a window's end late rows still join (in late panes); later ones are dropped. */
  public JoinStreamsPerWindow<K, L, R> withAllowedLateness(Duration lateness) {
    if (lateness.isShorterThan(Duration.ZERO)) {
      throw new IllegalArgumentException("allowed lateness cannot be negative, got " + lateness);
    }
    return new JoinStreamsPerWindow<>(windowSize, lateness);
  }

  @Override
  public PCollection<KV<K, KV<L, R>>> expand(JoinSides<K, L, R> sides) {
    KvCoder<K, L> leftCoder = kvCoder(sides.left(), "left");
    KvCoder<K, R> rightCoder = kvCoder(sides.right(), "right");
    TupleTag<L> leftTag = new TupleTag<>("left");
    TupleTag<R> rightTag = new TupleTag<>("right");
    return KeyedPCollectionTuple.of(leftTag, sides.left().apply("WindowLeft", this.<L>windowing()))
        .and(rightTag, sides.right().apply("WindowRight", this.<R>windowing()))
        .apply("CoGroupByKey", CoGroupByKey.create())
        .apply("PairUp", ParDo.of(new PairFn<K, L, R>(leftTag, rightTag)))
        .setCoder(
            KvCoder.of(
                leftCoder.getKeyCoder(),
                KvCoder.of(leftCoder.getValueCoder(), rightCoder.getValueCoder())));
  }

  private <V> Window<KV<K, V>> windowing() {
    return Window.<KV<K, V>>into(FixedWindows.of(windowSize))
        .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(allowedLateness)
        .accumulatingFiredPanes();
  }

  static <K, V> KvCoder<K, V> kvCoder(PCollection<KV<K, V>> side, String name) {
    Coder<KV<K, V>> coder = side.getCoder();
    if (!(coder instanceof KvCoder)) {
      throw new IllegalArgumentException(
          "the " + name + " side of a join needs a KvCoder, it has " + coder);
    }
    return (KvCoder<K, V>) coder;
  }

  private static final class PairFn<K, L, R> extends DoFn<KV<K, CoGbkResult>, KV<K, KV<L, R>>> {
    private final TupleTag<L> leftTag;
    private final TupleTag<R> rightTag;
    private final Counter joined = Metrics.counter(NAMESPACE, JOINED_PAIRS);
    private final Counter unmatchedLeft = Metrics.counter(NAMESPACE, UNMATCHED_LEFT);
    private final Counter unmatchedRight = Metrics.counter(NAMESPACE, UNMATCHED_RIGHT);

    PairFn(TupleTag<L> leftTag, TupleTag<R> rightTag) {
      this.leftTag = leftTag;
      this.rightTag = rightTag;
    }

    @ProcessElement
    public void process(@Element KV<K, CoGbkResult> group, OutputReceiver<KV<K, KV<L, R>>> out) {
      List<R> rights = new ArrayList<>();
      group.getValue().getAll(rightTag).forEach(rights::add);
      long pairs = 0;
      long lefts = 0;
      for (L left : group.getValue().getAll(leftTag)) {
        lefts++;
        for (R right : rights) {
          out.output(KV.of(group.getKey(), KV.of(left, right)));
          pairs++;
        }
      }
      if (rights.isEmpty()) {
        unmatchedLeft.inc(lefts);
      } else if (lefts == 0) {
        unmatchedRight.inc(rights.size());
      }
      joined.inc(pairs);
    }
  }
}
