package dev.tributary.transforms.table;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Turns each firing of a result into a {@link ResultTable}, recording the window and pane it came from, so
 * that sinks can say which window and which firing they show.
 */
public final class ToResultTable<T> extends PTransform<PCollection<T>, PCollection<ResultTable>> {
  private final String query;
  private final Schema schema;
  private final SerializableFunction<T, List<Row>> toRows;

  /** {@code toRows} turns one result into rows of {@code schema}, in display order. */
  public static <T> ToResultTable<T> of(
      String query, Schema schema, SerializableFunction<T, List<Row>> toRows) {
    return new ToResultTable<>(query, schema, toRows);
  }

  private ToResultTable(String query, Schema schema, SerializableFunction<T, List<Row>> toRows) {
    this.query = query;
    this.schema = schema;
    this.toRows = toRows;
  }

  @Override
  public PCollection<ResultTable> expand(PCollection<T> results) {
    return results
        .apply("AsTable", ParDo.of(new TableFn<>(query, schema, toRows)))
        .setCoder(ResultTableCoder.of(schema));
  }

  private static final class TableFn<T> extends DoFn<T, ResultTable> {
    private final String query;
    private final Schema schema;
    private final SerializableFunction<T, List<Row>> toRows;

    TableFn(String query, Schema schema, SerializableFunction<T, List<Row>> toRows) {
      this.query = query;
      this.schema = schema;
      this.toRows = toRows;
    }

    @ProcessElement
    public void process(
        @Element T result, BoundedWindow window, PaneInfo pane, OutputReceiver<ResultTable> out) {
      IntervalWindow interval = window instanceof IntervalWindow ? (IntervalWindow) window : null;
      out.output(new ResultTable(query, interval, pane, schema, toRows.apply(result)));
    }
  }
}
