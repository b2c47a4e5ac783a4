package dev.tributary.io.console;

import dev.tributary.transforms.table.ResultTable;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Prints result tables to standard output, one Spark-style table per firing (see {@link
 * ConsoleTableFormat}).
 *
 * <p>On unbounded input each firing prints as it happens. On bounded input all firings of a query are
 * gathered and printed in window order, so a batch run reads like a log and prints the same way every
 * time; the tables are small, so gathering them costs little. Each table is printed in one write, so tables
 * from parallel workers never interleave. On a cluster, "standard output" is the worker's.
 */
public final class ConsoleIO {
  private ConsoleIO() {}

  public static Write write() {
    return new Write(20, true);
  }

  /** Writes each {@link ResultTable} to standard output. */
  public static final class Write extends PTransform<PCollection<ResultTable>, PDone> {
    private final int numRows;
    private final boolean truncate;

    private Write(int numRows, boolean truncate) {
      this.numRows = numRows;
      this.truncate = truncate;
    }

    /** At most this many rows per table, like Spark's {@code numRows} (default 20). */
    public Write withNumRows(int numRows) {
      if (numRows < 1) {
        throw new IllegalArgumentException("numRows must be at least 1, got " + numRows);
      }
      return new Write(numRows, truncate);
    }

    /** Cut cells longer than 20 characters, like Spark's {@code truncate} (default true). */
    public Write withTruncate(boolean truncate) {
      return new Write(numRows, truncate);
    }

    @Override
    public PDone expand(PCollection<ResultTable> tables) {
      if (tables.isBounded() == PCollection.IsBounded.UNBOUNDED) {
        tables.apply("PrintEachFiring", ParDo.of(new PrintFn(numRows, truncate)));
      } else {
        tables
            .apply("KeyByQuery", WithKeys.of(ResultTable::getQuery).withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), tables.getCoder()))
            .apply("AllFirings", Window.into(new GlobalWindows()))
            .apply("GatherQuery", GroupByKey.create())
            .apply("PrintInWindowOrder", ParDo.of(new PrintSortedFn(numRows, truncate)));
      }
      return PDone.in(tables.getPipeline());
    }
  }

  static void print(String text) {
    PrintStream out = System.out;
    synchronized (out) {
      out.print(text);
      out.flush();
    }
  }

  private static final class PrintFn extends DoFn<ResultTable, Void> {
    private final int numRows;
    private final boolean truncate;

    PrintFn(int numRows, boolean truncate) {
      this.numRows = numRows;
      this.truncate = truncate;
    }

    @ProcessElement
    public void process(@Element ResultTable table) {
      print(ConsoleTableFormat.format(table, numRows, truncate));
    }
  }

  private static final class PrintSortedFn extends DoFn<KV<String, Iterable<ResultTable>>, Void> {
    private static final Comparator<ResultTable> WINDOW_ORDER =
        Comparator.comparing(
                ResultTable::getWindow, Comparator.nullsFirst(Comparator.comparing(IntervalWindow::start)))
            .thenComparing(t -> t.getPane().getIndex());
    private final int numRows;
    private final boolean truncate;

    PrintSortedFn(int numRows, boolean truncate) {
      this.numRows = numRows;
      this.truncate = truncate;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<ResultTable>> query) {
      List<ResultTable> tables = new ArrayList<>();
      query.getValue().forEach(tables::add);
      tables.sort(WINDOW_ORDER);
      StringBuilder text = new StringBuilder();
      for (ResultTable table : tables) {
        text.append(ConsoleTableFormat.format(table, numRows, truncate));
      }
      print(text.toString());
    }
  }
}
