package dev.tributary.io.console;

import dev.tributary.transforms.table.ResultTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.Row;

/**
 * Renders a {@link ResultTable} the way Spark's console sink prints a micro-batch: a header naming the
 * firing, then {@code Dataset.show()}'s grid. With truncation on, cells longer than 20 characters are cut to
 * 17 plus {@code ...} and right-aligned; with it off, cells are whole and left-aligned, as Spark does.
 */
public final class ConsoleTableFormat {
  private static final int TRUNCATE_AT = 20;
  private static final String RULE = "-------------------------------------------";

  private ConsoleTableFormat() {}

  public static String format(ResultTable table, int numRows, boolean truncate) {
    StringBuilder out = new StringBuilder();
    out.append(RULE).append('\n').append(header(table)).append('\n').append(RULE).append('\n');
    appendGrid(out, table, numRows, truncate);
    return out.append('\n').toString();
  }

  /** {@code Batch: 3 | status_counts} or {@code Window: [start, end) | Pane: 0 (ON_TIME) | top_endpoints}. */
  static String header(ResultTable table) {
    IntervalWindow window = table.getWindow();
    long pane = table.getPane().getIndex();
    if (window == null) {
      return "Batch: " + pane + " | " + table.getQuery();
    }
    return "Window: [" + window.start() + ", " + window.end() + ") | Pane: " + pane + " ("
        + table.getPane().getTiming() + ") | " + table.getQuery();
  }

  private static void appendGrid(StringBuilder out, ResultTable table, int numRows, boolean truncate) {
    Schema schema = table.getSchema();
    List<Row> rows = table.getRows();
    int shown = Math.min(numRows, rows.size());
    int columns = schema.getFieldCount();

    List<String[]> cells = new ArrayList<>(shown + 1);
    String[] names = new String[columns];
    for (int c = 0; c < columns; c++) {
      names[c] = cell(schema.getField(c).getName(), truncate);
    }
    cells.add(names);
    for (int r = 0; r < shown; r++) {
      String[] values = new String[columns];
      for (int c = 0; c < columns; c++) {
        Object value = rows.get(r).getValue(c);
        values[c] = cell(value == null ? "null" : value.toString(), truncate);
      }
      cells.add(values);
    }
    int[] widths = new int[columns];
    for (String[] line : cells) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(Math.max(widths[c], 3), line[c].length());
      }
    }
    String separator = separator(widths);
    out.append(separator);
    for (int i = 0; i < cells.size(); i++) {
      appendLine(out, cells.get(i), widths, truncate);
      if (i == 0) {
        out.append(separator);
      }
    }
    out.append(separator);
    if (rows.size() > shown) {
      out.append("only showing top ").append(shown).append(shown == 1 ? " row\n" : " rows\n");
    }
  }

  private static String cell(String value, boolean truncate) {
    if (truncate && value.length() > TRUNCATE_AT) {
      return value.substring(0, TRUNCATE_AT - 3) + "...";
    }
    return value;
  }

  private static String separator(int[] widths) {
    StringBuilder line = new StringBuilder("+");
    for (int width : widths) {
      line.append("-".repeat(width)).append('+');
    }
    return line.append('\n').toString();
  }

  private static void appendLine(StringBuilder out, String[] values, int[] widths, boolean rightAlign) {
    out.append('|');
    for (int c = 0; c < values.length; c++) {
      String pad = " ".repeat(widths[c] - values[c].length());
      out.append(rightAlign ? pad + values[c] : values[c] + pad).append('|');
    }
    out.append('\n');
  }
}
