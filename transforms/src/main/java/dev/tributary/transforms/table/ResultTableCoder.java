package dev.tributary.transforms.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Codes {@link ResultTable}s whose rows share one schema; the schema travels with the coder, not the data. */
public final class ResultTableCoder extends CustomCoder<ResultTable> {
  private static final Coder<@Nullable IntervalWindow> WINDOW =
      NullableCoder.of(IntervalWindow.getCoder());
  private final Schema schema;
  private final Coder<List<Row>> rows;

  public static ResultTableCoder of(Schema schema) {
    return new ResultTableCoder(schema);
  }

  private ResultTableCoder(Schema schema) {
    this.schema = schema;
    this.rows = ListCoder.of(RowCoder.of(schema));
  }

  @Override
  public void encode(ResultTable table, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(table.getQuery(), out);
    WINDOW.encode(table.getWindow(), out);
    PaneInfo.PaneInfoCoder.INSTANCE.encode(table.getPane(), out);
    rows.encode(table.getRows(), out);
  }

  @Override
  public ResultTable decode(InputStream in) throws IOException {
    return new ResultTable(
        StringUtf8Coder.of().decode(in),
        WINDOW.decode(in),
        PaneInfo.PaneInfoCoder.INSTANCE.decode(in),
        schema,
        rows.decode(in));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ResultTableCoder && schema.equals(((ResultTableCoder) o).schema);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema);
  }
}
