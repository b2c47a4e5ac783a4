package dev.tributary.pipelines.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.CliRun;
import dev.tributary.pipelines.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code json-activity} on the bundled {@code data/events/log.json}, through the command line. Every
 * (window, type) sum is checked against a brute-force count in this test ({@link #expectedRows}, a regex
 * over the raw lines, sharing no code with the job); the figures named below also come from {@code
 * transforms/src/test/resources/events/expected_sums.py} (Python's json and datetime): 44 events, 82
 * non-empty windows, 4944 summed over all windows and types.
 */
class JsonActivityJobTest {
  private static final Pattern EVENT =
      Pattern.compile("\"activity_type\": \"(\\w+)\", \"activity_time\": \"([^\"]+)\", \"activity_count\": (\\d+)");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @TempDir Path tmp;

  @Test
  void bundledSampleGivesExactSumsPerWindowInWindowOrder() throws IOException {
    CliRun run = CliRun.of("json-activity", "--input=" + log(), "--output=" + tmp.resolve("ja"));

    assertEquals(0, run.status(), run.describe());
    Set<String> rows = CliRun.distinctLines(tmp.resolve("ja-activity_sums.jsonl"));
    assertEquals(expectedRows(), rows);
    // Python's figures (expected_sums.py).
    assertEquals(82, rows.stream().map(r -> r.substring(0, r.indexOf(",\"window_end\""))).distinct().count());
    assertEquals(4944, rows.stream().mapToLong(JsonActivityJobTest::sum).sum());
    assertTrue(rows.contains(row("2024-03-02T00:00", "2024-03-03T00:00", "view", 81)));
    assertTrue(rows.contains(row("2024-03-02T13:00", "2024-03-03T13:00", "click", 25)));
    assertTrue(rows.contains(row("2024-03-03T17:00", "2024-03-04T17:00", "view", 3)));
    assertTrue(run.out().endsWith("json-activity: read 44 lines: 44 parsed, 0 rejected\n"), run.out());
    // Ordered by window, whole cells: the first window opens 23 h before the first event.
    String first = "Window: [2024-02-29T08:00:00.000Z, 2024-03-01T08:00:00.000Z) | Pane: 0 (ON_TIME) | activity_sums";
    String second = "Window: [2024-02-29T09:00:00.000Z, 2024-03-01T09:00:00.000Z) | Pane: 0 (ON_TIME) | activity_sums";
    assertTrue(run.out().indexOf(first) >= 0 && run.out().indexOf(second) > run.out().indexOf(first), run.out());
    assertTrue(run.out().contains("|activity_type|sum_activity_count|\n"), run.out());
  }

  /** Append (each window once, when final) and complete (every type of the window) agree on a batch read. */
  @Test
  void appendAndCompleteModesGiveTheSameSumsAndBadLinesAreDeadLetters() throws IOException {
    Path input = Files.createDirectories(tmp.resolve("in"));
    Files.copy(log(), input.resolve("log.json"));
    Files.write(
        input.resolve("bad.json"),
        List.of(
            "{\"activity_type\": \"view\", \"activity_time\": \"2024-03-01 10:00:00\", \"activity_count\": \"5\"}",
            "{\"activity_type\": \"view\", \"activity_time\": \"March 1st\", \"activity_count\": 5}",
            "not json"),
        StandardCharsets.UTF_8);

    for (String mode : List.of("append", "complete")) {
      CliRun run = CliRun.of("json-activity", "--input=" + input, "--outputMode=" + mode, "--output=" + tmp.resolve(mode));

      assertEquals(0, run.status(), run.describe());
      assertEquals(expectedRows(), CliRun.distinctLines(tmp.resolve(mode + "-activity_sums.jsonl")), mode);
      assertEquals(
          Set.of(
              "{\"reason\":\"activity_count is not an integer\",\"input\":\"{\\\"activity_type\\\": \\\"view\\\", "
                  + "\\\"activity_time\\\": \\\"2024-03-01 10:00:00\\\", \\\"activity_count\\\": \\\"5\\\"}\"}",
              "{\"reason\":\"activity_time is not ISO-8601 or 'yyyy-MM-dd HH:mm:ss'\",\"input\":\"{\\\"activity_type\\\": "
                  + "\\\"view\\\", \\\"activity_time\\\": \\\"March 1st\\\", \\\"activity_count\\\": 5}\"}",
              "{\"reason\":\"not valid JSON\",\"input\":\"not json\"}"),
          CliRun.distinctLines(tmp.resolve(mode + "-rejected_lines.jsonl")),
          mode);
      assertTrue(run.out().contains("json-activity: read 47 lines: 44 parsed, 3 rejected\n"), run.out());
    }
  }

  @Test
  void badOptionsAreOneLineAndStatusTwo() {
    CliRun run = CliRun.of("json-activity", "--trigger=sometimes");

    assertEquals(2, run.status(), run.describe());
    assertTrue(run.err().startsWith("tributary json-activity: trigger 'sometimes' is not one of default"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(CliRun.of("json-activity", "--help").out().contains("data/events/log.json"));
  }

  /**
   * Every event counted in the 24 hourly windows [start, start + 1 day) that hold it, summed per window
   * and type, as the job's JSON rows.
   */
  private static Set<String> expectedRows() throws IOException {
    Map<String, Map<String, Long>> sums = new TreeMap<>();
    for (String line : Files.readAllLines(log(), StandardCharsets.UTF_8)) {
      Matcher m = EVENT.matcher(line);
      assertTrue(m.find(), line);
      LocalDateTime time = LocalDateTime.parse(m.group(2), TIME);
      LocalDateTime lastStart = time.truncatedTo(ChronoUnit.HOURS);
      for (int h = 0; h < 24; h++) {
        String start = lastStart.minusHours(h).toString();
        sums.computeIfAbsent(start, s -> new TreeMap<>()).merge(m.group(1), Long.parseLong(m.group(3)), Long::sum);
      }
    }
    Set<String> rows = new TreeSet<>();
    sums.forEach(
        (start, byType) -> {
          String end = LocalDateTime.parse(start).plusDays(1).toString();
          byType.forEach((type, sum) -> rows.add(row(start, end, type, sum)));
        });
    return rows;
  }

  private static String row(String start, String end, String type, long sum) {
    return "{\"window_start\":\"" + start + ":00.000Z\",\"window_end\":\"" + end + ":00.000Z\",\"activity_type\":\""
        + type + "\",\"sum_activity_count\":" + sum + ",\"pane\":0,\"timing\":\"on_time\"}";
  }

  private static long sum(String row) {
    int at = row.indexOf("\"sum_activity_count\":") + "\"sum_activity_count\":".length();
    return Long.parseLong(row.substring(at, row.indexOf(',', at)));
  }

  private static Path log() {
    return RepoPaths.data().resolve("events/log.json");
  }
}
