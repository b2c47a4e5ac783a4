package dev.tributary.io.json;

import dev.tributary.transforms.table.ResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.Row;

/**
 * Turns a {@link ResultTable} into JSON Lines: one object per row with {@code window_start} and {@code
 * window_end} (ISO-8601 UTC; absent for results since the start), the row's fields, {@code pane} (the
 * firing's index within its window) and {@code timing} ({@code early}, {@code on_time} or {@code late};
 * {@code unknown} where the runner does not say).
 */
public final class ResultTableJson {
  private ResultTableJson() {}

  public static List<String> toJsonLines(ResultTable table) {
    IntervalWindow window = table.getWindow();
    String timing = table.getPane().getTiming().name().toLowerCase(Locale.ROOT);
    Schema schema = table.getSchema();
    List<String> lines = new ArrayList<>(table.getRows().size());
    for (Row row : table.getRows()) {
      StringBuilder json = new StringBuilder("{");
      if (window != null) {
        json.append("\"window_start\":");
        Json.appendString(json, window.start().toString()).append(",\"window_end\":");
        Json.appendString(json, window.end().toString()).append(',');
      }
      for (int c = 0; c < schema.getFieldCount(); c++) {
        Json.appendString(json, schema.getField(c).getName()).append(':');
        appendValue(json, row.getValue(c));
        json.append(',');
      }
      json.append("\"pane\":").append(table.getPane().getIndex()).append(",\"timing\":");
      Json.appendString(json, timing).append('}');
      lines.add(json.toString());
    }
    return lines;
  }

  private static void appendValue(StringBuilder json, Object value) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      json.append(value);
    } else {
      Json.appendString(json, value.toString());
    }
  }
}
