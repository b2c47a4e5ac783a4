package dev.tributary.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.table.ResultTable;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.PaneInfo.Timing;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class ResultTableJsonTest {
  private static final Schema TOP =
      Schema.builder().addInt32Field("rank").addStringField("endpoint").addInt64Field("count").build();

  @Test
  void windowedRowsCarryWindowKeysCountAndTiming() {
    IntervalWindow window = new IntervalWindow(Instant.parse("2024-06-01T12:00:00Z"), Duration.standardSeconds(30));
    PaneInfo late = PaneInfo.createPane(false, false, Timing.LATE, 2, 1);
    ResultTable table = new ResultTable("top_endpoints", window, late, TOP,
        List.of(Row.withSchema(TOP).addValues(1, "/search?q=\"beam\"", 7L).build()));

    assertEquals(
        List.of("{\"window_start\":\"2024-06-01T12:00:00.000Z\",\"window_end\":\"2024-06-01T12:00:30.000Z\","
            + "\"rank\":1,\"endpoint\":\"/search?q=\\\"beam\\\"\",\"count\":7,\"pane\":2,\"timing\":\"late\"}"),
        ResultTableJson.toJsonLines(table));
  }

  @Test
  void resultsSinceStartHaveNoWindowFields() {
    Schema status = Schema.builder().addInt32Field("status").addInt64Field("count").build();
    ResultTable table = new ResultTable("status_counts", null, PaneInfo.ON_TIME_AND_ONLY_FIRING, status,
        List.of(Row.withSchema(status).addValues(404, 3L).build()));

    assertEquals(List.of("{\"status\":404,\"count\":3,\"pane\":0,\"timing\":\"on_time\"}"),
        ResultTableJson.toJsonLines(table));
  }

  @Test
  void deadLetterEscapesControlCharactersAndBackslashes() {
    assertEquals(
        "{\"reason\":\"bad\",\"input\":\"a\\\\xd0\\tb\\r\\u0001\"}",
        DeadLetterJson.toJson(new DeadLetter("a\\xd0\tb\r\u0001", "bad")));
  }
}
