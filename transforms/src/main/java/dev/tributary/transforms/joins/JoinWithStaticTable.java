package dev.tributary.transforms.joins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.joda.time.Duration;

/**
 * Joins a stream (the left side) with a static table (the right side, bounded, e.g. the rows of {@code
 * players.csv}) held in memory as a {@code View.asMap} side input. Each stream row is looked up by its key
 * and emitted as {@code KV(key, KV(row, tableRow))}, keeping its own timestamp and window; no windowing is
 * needed and nothing waits for a window to close.
 *
 * <ul>
 *   <li>{@link JoinType#INNER} (the default): rows whose key is not in the table are not emitted; they are
 *       counted in {@value JoinStreamsPerWindow#NAMESPACE}/{@value JoinStreamsPerWindow#UNMATCHED_LEFT}.
 *   <li>{@link JoinType#LEFT_OUTER}: such rows are emitted with a null table row (and counted the same way).
 * </ul>
 *
 * Emitted pairs are counted in {@value JoinStreamsPerWindow#NAMESPACE}/{@value
 * JoinStreamsPerWindow#JOINED_PAIRS}. Where a pipeline has several joins, tell their counters apart by step.
 *
 * <p><b>Table rules.</b> The table must be bounded: it is read completely before the first stream row is
 * joined (stream rows wait until then), and it does not change afterwards. Keys must be unique: a key with
 * two or more rows fails the pipeline with an error naming the key and its rows, because any choice between
 * them ("last wins" has no meaning in an unordered collection) would produce plausible but wrong joins.
 * Malformed table lines are not this transform's concern: parse them with {@link ParseJoinRows#players()},
 * which turns them into dead letters, and key the records, e.g. {@code WithKeys.of(Player::getName)}.
 *
 * @param <K> the key; its coder must be deterministic
 * @param <L> the stream row
 * @param <R> the table row
 */
public final class JoinWithStaticTable<K, L, R>
    extends PTransform<JoinSides<K, L, R>, PCollection<KV<K, KV<L, R>>>> {
  private final JoinType type;

  /** Inner join. */
  public static <K, L, R> JoinWithStaticTable<K, L, R> create() {
    return new JoinWithStaticTable<>(JoinType.INNER);
  }

  private JoinWithStaticTable(JoinType type) {
    this.type = type;
  }

  public JoinWithStaticTable<K, L, R> withJoinType(JoinType type) {
    return new JoinWithStaticTable<>(type);
  }

  @Override
  public PCollection<KV<K, KV<L, R>>> expand(JoinSides<K, L, R> sides) {
    KvCoder<K, L> streamCoder = JoinStreamsPerWindow.kvCoder(sides.left(), "stream");
    KvCoder<K, R> tableCoder = JoinStreamsPerWindow.kvCoder(sides.right(), "table");
    if (sides.right().isBounded() != PCollection.IsBounded.BOUNDED) {
      throw new IllegalArgumentException(
          "the static table of a join must be bounded (a file read once), not a stream");
    }
    PCollectionView<Map<K, R>> table =
        sides
            .right()
            .apply(
                "WholeTable",
                Window.<KV<K, R>>into(new GlobalWindows())
                    .triggering(DefaultTrigger.of())
                    .withAllowedLateness(Duration.ZERO)
                    .discardingFiredPanes())
            .apply("RowsPerKey", GroupByKey.create())
            .apply("CheckUniqueKeys", ParDo.of(new UniqueKeyFn<K, R>()))
            .setCoder(tableCoder)
            .apply("AsMap", View.asMap());
    Coder<R> tableRowCoder =
        type == JoinType.LEFT_OUTER
            ? NullableCoder.of(tableCoder.getValueCoder())
            : tableCoder.getValueCoder();
    return sides
        .left()
        .apply("LookUp", ParDo.of(new LookUpFn<K, L, R>(table, type)).withSideInputs(table))
        .setCoder(
            KvCoder.of(
                streamCoder.getKeyCoder(), KvCoder.of(streamCoder.getValueCoder(), tableRowCoder)));
  }

  private static final class UniqueKeyFn<K, R> extends DoFn<KV<K, Iterable<R>>, KV<K, R>> {
    @ProcessElement
    public void process(@Element KV<K, Iterable<R>> rows, OutputReceiver<KV<K, R>> out) {
      List<R> all = new ArrayList<>();
      rows.getValue().forEach(all::add);
      if (all.size() > 1) {
        throw new IllegalStateException(
            "the static table has "
                + all.size()
                + " rows for key '"
                + rows.getKey()
                + "', keys must be unique: "
                + all);
      }
      out.output(KV.of(rows.getKey(), all.get(0)));
    }
  }

  private static final class LookUpFn<K, L, R> extends DoFn<KV<K, L>, KV<K, KV<L, R>>> {
    private final PCollectionView<Map<K, R>> table;
    private final JoinType type;
    private final Counter joined =
        Metrics.counter(JoinStreamsPerWindow.NAMESPACE, JoinStreamsPerWindow.JOINED_PAIRS);
    private final Counter unmatched =
        Metrics.counter(JoinStreamsPerWindow.NAMESPACE, JoinStreamsPerWindow.UNMATCHED_LEFT);

    LookUpFn(PCollectionView<Map<K, R>> table, JoinType type) {
      this.table = table;
      this.type = type;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      KV<K, L> row = c.element();
      R match = c.sideInput(table).get(row.getKey());
      if (match != null) {
        joined.inc();
        c.output(KV.of(row.getKey(), KV.of(row.getValue(), match)));
        return;
      }
      unmatched.inc();
      if (type == JoinType.LEFT_OUTER) {
        c.output(KV.of(row.getKey(), KV.of(row.getValue(), null)));
      }
    }
  }
}
