package dev.tributary.transforms.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.beam.sdk.values.WindowingStrategy;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Gathers result rows that an aggregation emits one by one (a per-key count emits one element per key) into
 * one {@link ResultTable} per window and firing, the way Spark shows one table per micro-batch.
 *
 * <p>The rows are grouped per window under the trigger they arrived with (after a grouping that is already
 * the continuation trigger, which fires when the upstream firing is complete), discarding, so each table
 * holds the rows of one firing and no row twice. On bounded input that is one table per window. Rows are
 * sorted by their column values (or {@linkplain #sortedByDescending largest first}), so a table reads the
 * same on every runner.
 *
 * <p>For results that are one element per firing already (a {@code Map} from a global combine), use {@link
 * ToResultTable} directly.
 */
public final class TabulateFirings<T> extends PTransform<PCollection<T>, PCollection<ResultTable>> {
  private final String query;
  private final Schema schema;
  private final SerializableFunction<T, Row> toRow;
  private final @Nullable String descendingField;

  /** {@code toRow} turns one result element into one row of {@code schema}. */
  public static <T> TabulateFirings<T> of(String query, Schema schema, SerializableFunction<T, Row> toRow) {
    return new TabulateFirings<>(query, schema, toRow, null);
  }

  private TabulateFirings(
      String query, Schema schema, SerializableFunction<T, Row> toRow, @Nullable String descendingField) {
    this.query = query;
    this.schema = schema;
    this.toRow = toRow;
    this.descendingField = descendingField;
  }

  /** Largest values of {@code field} first (e.g. the highest counts), then by column values. */
  public TabulateFirings<T> sortedByDescending(String field) {
    if (!schema.hasField(field)) {
      throw new IllegalArgumentException("no field " + field + " in " + schema);
    }
    return new TabulateFirings<>(query, schema, toRow, field);
  }

  @Override
  public PCollection<ResultTable> expand(PCollection<T> results) {
    WindowingStrategy<?, ?> strategy = results.getWindowingStrategy();
    return results
        .apply("AsRow", ParDo.of(new ToRowFn<>(toRow)))
        .setRowSchema(schema)
        .apply(
            "EachFiringOnce",
            Window.<Row>configure()
                .triggering(strategy.getTrigger())
                .withAllowedLateness(strategy.getAllowedLateness(), strategy.getClosingBehavior())
                .discardingFiredPanes())
        .apply("OneGroup", WithKeys.<Integer, Row>of(0).withKeyType(TypeDescriptors.integers()))
        .setCoder(KvCoder.of(VarIntCoder.of(), RowCoder.of(schema)))
        .apply("GatherFiring", GroupByKey.create())
        .apply("AsTable", ParDo.of(new TableFn(query, schema, descendingField == null ? -1 : schema.indexOf(descendingField))))
        .setCoder(ResultTableCoder.of(schema));
  }

  private static final class ToRowFn<T> extends DoFn<T, Row> {
    private final SerializableFunction<T, Row> toRow;

    ToRowFn(SerializableFunction<T, Row> toRow) {
      this.toRow = toRow;
    }

    @ProcessElement
    public void process(@Element T result, OutputReceiver<Row> out) {
      out.output(toRow.apply(result));
    }
  }

  private static final class TableFn extends DoFn<KV<Integer, Iterable<Row>>, ResultTable> {
    private final String query;
    private final Schema schema;
    private final int descendingIndex;

    TableFn(String query, Schema schema, int descendingIndex) {
      this.query = query;
      this.schema = schema;
      this.descendingIndex = descendingIndex;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<Row>> firing, BoundedWindow window, PaneInfo pane, OutputReceiver<ResultTable> out) {
      List<Row> rows = new ArrayList<>();
      firing.getValue().forEach(rows::add);
      if (descendingIndex >= 0) {
        rows.sort(
            Comparator.<Row, Object>comparing(r -> r.getValue(descendingIndex), TabulateFirings::compareValues)
                .reversed()
                .thenComparing(BY_VALUES));
      } else {
        rows.sort(BY_VALUES);
      }
      IntervalWindow interval = window instanceof IntervalWindow ? (IntervalWindow) window : null;
      out.output(new ResultTable(query, interval, pane, schema, rows));
    }
  }

  /** Column by column. */
  private static final Comparator<Row> BY_VALUES =
      (a, b) -> {
        for (int i = 0; i < a.getFieldCount(); i++) {
          int c = compareValues(a.getValue(i), b.getValue(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };

  /** Values of one column share a type; nulls come first. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(@Nullable Object x, @Nullable Object y) {
    if (x == y) {
      return 0;
    }
    if (x == null || y == null) {
      return x == null ? -1 : 1;
    }
    return x instanceof Comparable ? ((Comparable) x).compareTo(y) : x.toString().compareTo(y.toString());
  }
}
