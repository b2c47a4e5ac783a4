package dev.tributary.pipelines.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.CliRun;
import dev.tributary.pipelines.RepoPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code logs} job end to end on the Direct runner, through the command line, over the bundled data.
 * Expected figures come from reading the files with awk and a separate Python script, not from this code.
 */
class LogAnalyticsJobTest {
  @TempDir Path tmp;

  @Test
  void bundledSampleGivesExactStatusCountsTopEndpointsAndRejects() throws IOException {
    CliRun run = CliRun.of("logs", "--input=" + RepoPaths.data().resolve("logs"), "--output=" + tmp.resolve("sample"));

    assertEquals(0, run.status(), run.err());
    assertEquals(
        Set.of(
            "{\"status\":200,\"count\":855,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":301,\"count\":20,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":302,\"count\":24,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":304,\"count\":92,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":400,\"count\":3,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":403,\"count\":11,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":404,\"count\":53,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":500,\"count\":11,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":503,\"count\":7,\"pane\":0,\"timing\":\"on_time\"}"),
        CliRun.distinctLines(tmp.resolve("sample-status_counts.jsonl")));

    Set<String> top = CliRun.distinctLines(tmp.resolve("sample-top_endpoints.jsonl"));
    assertTrue(top.containsAll(window("2024-06-01T12:00:00.000Z", "2024-06-01T12:00:30.000Z",
        "\"/\",\"count\":45", "\"/blog/\",\"count\":23", "\"/about\",\"count\":18", "\"/index.html\",\"count\":18",
        "\"/images/logo.png\",\"count\":9")), String.join("\n", new TreeSet<>(top)));
    assertTrue(top.containsAll(window("2024-06-01T12:02:50.000Z", "2024-06-01T12:03:20.000Z",
        "\"/\",\"count\":32", "\"/blog/\",\"count\":21", "\"/index.html\",\"count\":12", "\"/about\",\"count\":7",
        "\"/css/site.css\",\"count\":4")));
    // 12:00:00 to 12:03:09 lies in the 21 windows starting 11:59:40 ... 12:03:00; each has 10 endpoints.
    assertEquals(21 * 10, top.size());

    assertEquals(4, CliRun.distinctLines(tmp.resolve("sample-rejected_lines.jsonl")).size());
    assertTrue(run.out().contains("Batch: 0 | status_counts"), run.out());
    assertTrue(run.out().contains("|   200|  855|"), run.out());
    assertTrue(
        run.out().contains("Window: [2024-06-01T12:00:00.000Z, 2024-06-01T12:00:30.000Z) | Pane: 0 (ON_TIME) | top_endpoints"),
        run.out());
    assertTrue(run.out().contains("logs: read 1080 lines: 1076 parsed, 4 rejected"), run.out());
  }

  @Test
  void realElasticLogGivesExactStatusCounts() throws IOException {
    CliRun run = CliRun.of("logs", "--input=" + RepoPaths.data().resolve("real"), "--output=" + tmp.resolve("elastic"),
        "--windowSize=1d", "--windowSlide=1d");

    assertEquals(0, run.status(), run.err());
    assertEquals(
        Set.of("200:9126", "206:45", "301:164", "304:445", "403:2", "404:213", "416:2", "500:3"),
        CliRun.distinctLines(tmp.resolve("elastic-status_counts.jsonl")).stream()
            .map(l -> l.replaceAll("\\{\"status\":(\\d+),\"count\":(\\d+),.*", "$1:$2"))
            .collect(Collectors.toSet()));
    assertTrue(run.out().contains("logs: read 10000 lines: 10000 parsed, 0 rejected"), run.out());
  }

  @Test
  void processingTimeModeStillCountsEveryRecord() throws IOException {
    CliRun run = CliRun.of("logs", "--input=" + RepoPaths.data().resolve("logs"), "--timeMode=PROCESSING",
        "--output=" + tmp.resolve("now"));

    assertEquals(0, run.status(), run.err());
    long total = CliRun.distinctLines(tmp.resolve("now-status_counts.jsonl")).stream()
        .mapToLong(l -> Long.parseLong(l.replaceAll(".*\"count\":(\\d+),.*", "$1")))
        .sum();
    assertEquals(1076, total);
  }

  private static Set<String> window(String start, String end, String... endpointCounts) {
    Set<String> rows = new TreeSet<>();
    for (int i = 0; i < endpointCounts.length; i++) {
      rows.add("{\"window_start\":\"" + start + "\",\"window_end\":\"" + end + "\",\"rank\":" + (i + 1)
          + ",\"endpoint\":" + endpointCounts[i] + ",\"pane\":0,\"timing\":\"on_time\"}");
    }
    return rows;
  }
}
