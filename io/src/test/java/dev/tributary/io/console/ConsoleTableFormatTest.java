package dev.tributary.io.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.transforms.table.ResultTable;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleTableFormatTest {
  private static final Schema STATUS = Schema.builder().addInt32Field("status").addInt64Field("count").build();
  private static final Schema TOP =
      Schema.builder().addInt32Field("rank").addStringField("endpoint").addInt64Field("count").build();
  private static final IntervalWindow WINDOW =
      new IntervalWindow(Instant.parse("2024-06-01T12:00:00Z"), Duration.standardSeconds(30));

  @Test
  void globalResultPrintsLikeASparkBatch() {
    ResultTable table =
        new ResultTable("status_counts", null, PaneInfo.NO_FIRING, STATUS,
            List.of(row(STATUS, 200, 855L), row(STATUS, 404, 53L)));

    assertEquals(
        String.join("\n",
            "-------------------------------------------",
            "Batch: 0 | status_counts",
            "-------------------------------------------",
            "+------+-----+",
            "|status|count|",
            "+------+-----+",
            "|   200|  855|",
            "|   404|   53|",
            "+------+-----+",
            "",
            ""),
        ConsoleTableFormat.format(table, 20, true));
  }

  @Test
  void windowedResultNamesWindowAndPaneAndTruncatesLongCells() {
    ResultTable table =
        new ResultTable("top_endpoints", WINDOW, PaneInfo.ON_TIME_AND_ONLY_FIRING, TOP,
            List.of(row(TOP, 1, "/presentations/logstash-monitorama-2013/", 12L), row(TOP, 2, "/", 3L)));

    assertEquals(
        String.join("\n",
            "-------------------------------------------",
            "Window: [2024-06-01T12:00:00.000Z, 2024-06-01T12:00:30.000Z) | Pane: 0 (ON_TIME) | top_endpoints",
            "-------------------------------------------",
            "+----+--------------------+-----+",
            "|rank|            endpoint|count|",
            "+----+--------------------+-----+",
            "|   1|/presentations/lo...|   12|",
            "|   2|                   /|    3|",
            "+----+--------------------+-----+",
            "",
            ""),
        ConsoleTableFormat.format(table, 20, true));
  }

  @Test
  void withoutTruncationCellsAreWholeAndLeftAligned() {
    ResultTable table =
        new ResultTable("top_endpoints", WINDOW, PaneInfo.ON_TIME_AND_ONLY_FIRING, TOP,
            List.of(row(TOP, 1, "/presentations/logstash-monitorama-2013/", 12L)));

    String grid = ConsoleTableFormat.format(table, 20, false);

    assertEquals(
        String.join("\n",
            "+----+----------------------------------------+-----+",
            "|rank|endpoint                                |count|",
            "+----+----------------------------------------+-----+",
            "|1   |/presentations/logstash-monitorama-2013/|12   |",
            "+----+----------------------------------------+-----+",
            "",
            ""),
        grid.substring(grid.indexOf("+----")));
  }

  @Test
  void numRowsLimitsRowsAndSaysSo() {
    ResultTable table =
        new ResultTable("status_counts", null, PaneInfo.NO_FIRING, STATUS,
            List.of(row(STATUS, 200, 5L), row(STATUS, 301, 4L), row(STATUS, 404, 3L)));

    String text = ConsoleTableFormat.format(table, 2, true);

    assertEquals(
        String.join("\n",
            "|   200|    5|",
            "|   301|    4|",
            "+------+-----+",
            "only showing top 2 rows",
            "",
            ""),
        text.substring(text.indexOf("|   200|")));
  }

  @Test
  void emptyResultStillShowsItsColumns() {
    ResultTable table = new ResultTable("rejected_lines", null, PaneInfo.NO_FIRING,
        Schema.builder().addStringField("reason").addInt64Field("count").build(), List.of());

    String text = ConsoleTableFormat.format(table, 20, true);

    assertEquals("+------+-----+\n|reason|count|\n+------+-----+\n+------+-----+\n\n",
        text.substring(text.indexOf("+------")));
  }

  private static Row row(Schema schema, Object... values) {
    return Row.withSchema(schema).addValues(values).build();
  }
}
