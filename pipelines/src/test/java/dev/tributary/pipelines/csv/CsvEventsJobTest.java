package dev.tributary.pipelines.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.CliRun;
import dev.tributary.pipelines.RepoPaths;
import dev.tributary.pipelines.joins.LinesOverSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code csv-events} through the command line. Expected figures for the bundled {@code
 * data/csv/user_events.csv} come from {@code transforms/src/test/resources/events/expected_user_event_counts.py}
 * (Python's csv and datetime): 26 rows, 4 malformed; login 5, logout 3, purchase 5, view 9.
 */
class CsvEventsJobTest {
  private static final Pattern COUNT = Pattern.compile("\\{\"event\":\"(\\w+)\",\"count\":(\\d+),");

  @TempDir Path tmp;

  @Test
  void csvAggCountsEventTypesAndDeadLettersMalformedRows() throws IOException {
    CliRun run = CliRun.of("csv-events", "--input=" + csv(), "--output=" + tmp.resolve("agg"));

    assertEquals(0, run.status(), run.describe());
    assertEquals(
        Set.of(count("login", 5), count("logout", 3), count("purchase", 5), count("view", 9)),
        CliRun.distinctLines(tmp.resolve("agg-user_event_counts.jsonl")));
    assertEquals(
        Set.of(
            "{\"reason\":\"expected 3 comma-separated fields, found 2\",\"input\":\"2024-03-01T09:40:12Z,4\"}",
            "{\"reason\":\"timestamp is not ISO-8601 or 'yyyy-MM-dd HH:mm:ss'\",\"input\":\"2024-03-01T25:10:00Z,2,view\"}",
            "{\"reason\":\"event is not login, logout, purchase or view\",\"input\":\"2024-03-01T10:21:40Z,3,signup\"}",
            "{\"reason\":\"user_id is not a positive integer\",\"input\":\"2024-03-01T10:48:03Z,x2,purchase\"}"),
        CliRun.distinctLines(tmp.resolve("agg-rejected_rows.jsonl")));
    assertTrue(run.out().contains("|   login|    5|\n|  logout|    3|\n|purchase|    5|\n|    view|    9|\n"), run.out());
    assertTrue(run.out().contains("Batch: 0 | rejected_rows"), run.out());
    assertTrue(run.out().endsWith("csv-events: read 27 lines: 22 parsed, 4 rejected, 1 header\n"), run.out());
  }

  @Test
  void csvLogShowsEveryWellFormedRow() throws IOException {
    CliRun run = CliRun.of("csv-events", "--mode=csv-log", "--input=" + csv(), "--output=" + tmp.resolve("log"));

    assertEquals(0, run.status(), run.describe());
    Set<String> rows = CliRun.distinctLines(tmp.resolve("log-user_events.jsonl"));
    assertEquals(22, rows.size(), String.join("\n", rows));
    assertTrue(rows.contains("{\"timestamp\":\"2024-03-01T09:08:13.000Z\",\"user_id\":5,\"event\":\"view\",\"pane\":0,\"timing\":\"on_time\"}"));
    assertTrue(rows.contains("{\"timestamp\":\"2024-03-01T10:43:11.000Z\",\"user_id\":4,\"event\":\"login\",\"pane\":0,\"timing\":\"on_time\"}"));
    assertEquals(4, CliRun.distinctLines(tmp.resolve("log-rejected_rows.jsonl")).size());
  }

  @Test
  void socketModeCountsWordsFromHostAndPort() throws Exception {
    CliRun run;
    try (LinesOverSocket server = LinesOverSocket.serve(List.of("to be or", "not to be"))) {
      run =
          CliRun.of(
              "csv-events", "--mode=socket", "--host=127.0.0.1", "--port=" + server.port(), "--trigger=once",
              "--stopAfterIdle=2s", "--output=" + tmp.resolve("words"));
    }

    assertEquals(0, run.status(), run.describe());
    Set<String> rows = new java.util.TreeSet<>();
    try (Stream<Path> files = Files.list(tmp)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("words-word_counts-")).toList()) {
        rows.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
      }
    }
    assertEquals(
        Set.of(word("be", 2), word("not", 1), word("or", 1), word("to", 2)), rows, run.out());
  }

  /**
   * generate-csv writes 3 files, 1 s apart, into a directory that csv-events follows: the final counts are
   * those of every row written (counted here from the files), so no file was read twice or in part.
   */
  @Test
  void followModeCountsWhatTheGeneratorWrites() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("incoming"));
    CompletableFuture<CliRun> job =
        CompletableFuture.supplyAsync(
            () ->
                CliRun.of(
                    "csv-events", "--follow", "--input=" + dir, "--pollInterval=500ms", "--stopAfterIdle=4s",
                    "--updateInterval=1s", "--output=" + tmp.resolve("follow")));
    GenerateCsvOptions generate =
        PipelineOptionsFactory.fromArgs("--outputDir=" + dir, "--files=3", "--interval=1s", "--seed=5", "--start=now")
            .as(GenerateCsvOptions.class);
    assertEquals(0, new GenerateCsvJob().run(generate, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    CliRun run = job.get(120, TimeUnit.SECONDS);

    assertEquals(0, run.status(), run.describe());
    Map<String, Long> written = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8).subList(1, 11)) {
          written.merge(line.substring(line.lastIndexOf(',') + 1), 1L, Long::sum);
        }
      }
    }
    // Update mode: each firing has the types that changed, with their totals so far; the last is final.
    Map<String, Long> finalCounts = new HashMap<>();
    try (Stream<Path> files = Files.list(tmp)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("follow-user_event_counts-")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          Matcher m = COUNT.matcher(line);
          assertTrue(m.find(), line);
          finalCounts.merge(m.group(1), Long.parseLong(m.group(2)), Math::max);
        }
      }
    }
    assertEquals(written, new TreeMap<>(finalCounts), run.out());
    assertTrue(run.out().contains("csv-events: read 33 lines: 30 parsed, 0 rejected, 3 headers\n"), run.out());
  }

  @Test
  void badOptionsAreOneLineAndStatusTwo() {
    assertOneLine(CliRun.of("csv-events", "--mode=csv"), "tributary csv-events: --mode=csv is not one of csv-agg, csv-log, socket");
    assertOneLine(
        CliRun.of("csv-events", "--outputMode=append"),
        "tributary csv-events: append output mode needs an aggregation over event-time windows");
    assertOneLine(
        CliRun.of("csv-events", "--mode=csv-log", "--outputMode=complete"),
        "tributary csv-events: complete output mode needs an aggregation");
    assertOneLine(
        CliRun.of("csv-events", "--mode=socket", "--input=data/csv"),
        "tributary csv-events: --input does not apply to --mode=socket; give --host and --port");
    assertOneLine(CliRun.of("csv-events", "--port=http"), "tributary csv-events: --port=http: ");
  }

  private static void assertOneLine(CliRun run, String start) {
    assertEquals(2, run.status(), run.describe());
    assertTrue(run.err().startsWith(start), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  private static String count(String event, long n) {
    return "{\"event\":\"" + event + "\",\"count\":" + n + ",\"pane\":0,\"timing\":\"on_time\"}";
  }

  private static String word(String word, long n) {
    return "{\"word\":\"" + word + "\",\"count\":" + n + ",\"pane\":0,\"timing\":\"on_time\"}";
  }

  private static Path csv() {
    return RepoPaths.data().resolve("csv");
  }
}
