package dev.tributary.transforms.table;

import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One firing of a query's result: which query, which window (none for results since the start of the
 * job), which pane, and the rows, typed by a {@link Schema}. Console and file sinks render it; the analytics
 * never see it.
 */
public final class ResultTable {
  private final String query;
  private final @Nullable IntervalWindow window;
  private final PaneInfo pane;
  private final Schema schema;
  private final List<Row> rows;

  public ResultTable(
      String query, @Nullable IntervalWindow window, PaneInfo pane, Schema schema, List<Row> rows) {
    this.query = Objects.requireNonNull(query);
    this.window = window;
    this.pane = Objects.requireNonNull(pane);
    this.schema = Objects.requireNonNull(schema);
    this.rows = List.copyOf(rows);
  }

  /** A short name for the query, such as {@code top_endpoints}. */
  public String getQuery() {
    return query;
  }

  /** The event-time window of this result, or null for a result over everything seen so far. */
  public @Nullable IntervalWindow getWindow() {
    return window;
  }

  /** Index and timing (early, on time, late) of the firing this table came from. */
  public PaneInfo getPane() {
    return pane;
  }

  public Schema getSchema() {
    return schema;
  }

  public List<Row> getRows() {
    return rows;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ResultTable)) {
      return false;
    }
    ResultTable that = (ResultTable) o;
    return query.equals(that.query)
        && Objects.equals(window, that.window)
        && pane.equals(that.pane)
        && schema.equals(that.schema)
        && rows.equals(that.rows);
  }

  @Override
  public int hashCode() {
    return Objects.hash(query, window, pane, rows);
  }

  @Override
  public String toString() {
    return query + " " + (window == null ? "(since start)" : window) + " " + pane + " " + rows;
  }
}
