package dev.tributary.pipelines.joins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.CliRun;
import dev.tributary.pipelines.RepoPaths;
import dev.tributary.pipelines.cli.StandInSparkRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code join-streams} through the command line. The expected pairs of the bundled sample come from a
 * nested loop over {@code data/joins/plays.csv} and {@code persons.csv} in Python (csv + datetime, rows
 * paired when the key and the minute match; the script is in {@code data/joins/README.md}): 8 pairs; 4
 * plays and 3 persons without a partner in their minute; 3 malformed plays, 1 malformed person.
 */
class JoinStreamsJobTest {
  @TempDir Path tmp;

  @Test
  void bundledSampleGivesEveryPairOfEachMinute() throws IOException {
    Path joins = RepoPaths.data().resolve("joins");
    CliRun run =
        CliRun.of(
            "join-streams",
            "--plays=" + joins.resolve("plays.csv"),
            "--persons=" + joins.resolve("persons.csv"),
            "--output=" + tmp.resolve("js"));

    assertEquals(0, run.status(), run.describe());
    assertEquals(
        Set.of(
            pair("12:00", "alice", 3, "12:00:31", "Paris", "12:00:02"),
            pair("12:00", "alice", 10, "12:00:05", "Paris", "12:00:02"),
            pair("12:00", "bob", 7, "12:00:12", "Rome", "12:00:20"),
            pair("12:01", "alice", 8, "12:01:15", "Berlin", "12:01:05"),
            pair("12:01", "alice", 8, "12:01:15", "Lisbon", "12:01:45"),
            pair("12:01", "bob", 12, "12:01:02", "Rome", "12:01:30"),
            pair("12:01", "dave", 4, "12:01:40", "Oslo", "12:01:50"),
            pair("12:02", "carol", 11, "12:02:33", "Madrid", "12:02:05")),
        CliRun.distinctLines(tmp.resolve("js-plays_with_persons.jsonl")));
    assertEquals(
        Set.of(
            "{\"reason\":\"score is not an integer\",\"input\":\"2024-06-01T12:02:20Z,bob,x\"}",
            "{\"reason\":\"time is not ISO-8601 or 'yyyy-MM-dd HH:mm:ss'\",\"input\":\"yesterday,alice,2\"}",
            "{\"reason\":\"expected 3 comma-separated fields, found 2\",\"input\":\"2024-06-01T12:02:50Z,frank\"}"),
        CliRun.distinctLines(tmp.resolve("js-rejected_plays.jsonl")));
    assertEquals(
        Set.of("{\"reason\":\"city is empty\",\"input\":\"2024-06-01T12:02:40Z,carol,\"}"),
        CliRun.distinctLines(tmp.resolve("js-rejected_persons.jsonl")));
    assertTrue(
        run.out().contains(
            "join-streams: plays: read 15 lines: 11 parsed, 3 rejected, 1 header; "
                + "persons: read 12 lines: 10 parsed, 1 rejected, 1 header\n"
                + "join-streams: 8 pairs joined; without a partner in their window: 4 plays, 3 persons; "
                + "dropped as too late: 0\n"),
        run.out());
    // Windows in order, cells whole (the times would not fit in 20 characters).
    int first = run.out().indexOf("Window: [2024-06-01T12:00:00.000Z, 2024-06-01T12:01:00.000Z) | Pane: 0 (ON_TIME) | plays_with_persons");
    int second = run.out().indexOf("Window: [2024-06-01T12:01:00.000Z, 2024-06-01T12:02:00.000Z)");
    assertTrue(first >= 0 && second > first, run.out());
    assertTrue(run.out().contains("|alice |3    |2024-06-01T12:00:31.000Z|Paris|2024-06-01T12:00:02.000Z|"), run.out());
  }

  /**
   * Two sockets, the persons at once and the plays in two batches 3 s apart, with no watermark lag: the
   * second batch's play (12:00:20) is behind the watermark (12:01:30, the first batch's last play) and its
   * window has closed, so it is dropped and counted, not joined.
   */
  @Test
  void lateRowFromASocketIsDroppedAndCounted() throws Exception {
    List<String> persons =
        List.of("2024-06-01T12:00:02Z,alice,Paris", "2024-06-01T12:01:35Z,bob,Rome", "2024-06-01T12:03:00Z,carol,Oslo");
    List<List<String>> plays =
        List.of(
            List.of("2024-06-01T12:00:05Z,alice,10", "2024-06-01T12:01:30Z,bob,1"),
            List.of("2024-06-01T12:00:20Z,alice,99"));
    CliRun run;
    try (LinesOverSocket playServer = LinesOverSocket.serve(plays, 3000);
        LinesOverSocket personServer = LinesOverSocket.serve(persons)) {
      run =
          CliRun.of(
              "join-streams",
              "--plays=" + playServer.url(),
              "--persons=" + personServer.url(),
              "--watermarkLag=0s",
              // Longer than the pause, or the plays source would stop before the late row.
              "--stopAfterIdle=6s",
              "--updateInterval=1s",
              "--output=" + tmp.resolve("late"));
    }

    assertEquals(0, run.status(), run.describe());
    assertEquals(
        Set.of(
            pair("12:00", "alice", 10, "12:00:05", "Paris", "12:00:02"),
            pair("12:01", "bob", 1, "12:01:30", "Rome", "12:01:35")),
        linesOfFlushes(tmp, "late-plays_with_persons-"));
    assertTrue(
        run.out().contains("join-streams: 2 pairs joined; without a partner in their window: 0 plays, 1 persons; "
            + "dropped as too late: 1\n"),
        run.out());
  }

  @Test
  void helpNamesTheJobsOptions() {
    CliRun run = CliRun.of("join-streams", "--help");

    assertEquals(0, run.status(), run.describe());
    for (String option : List.of("--plays", "--persons", "--timeMode", "--joinWindow", "--allowedLateness", "--output")) {
      assertTrue(run.out().contains(option), option + " missing from:\n" + run.out());
    }
    assertTrue(run.out().contains("data/joins/plays.csv"), run.out());
  }

  @Test
  void badOptionsAreOneLineAndStatusTwo() {
    assertOneLineError(
        CliRun.of("join-streams", "--joinWindow=0s"), "tributary join-streams: --joinWindow must be longer than zero");
    assertOneLineError(
        CliRun.of("join-streams", "--outputMode=complete"),
        "tributary join-streams: complete output mode needs an aggregation");
    assertOneLineError(
        CliRun.of("join-streams", "--trigger=processingTime=5s"),
        "tributary join-streams: --trigger=processingTime=5s does not apply to a join");
    assertOneLineError(
        CliRun.of("join-streams", "--plays=tcp://nowhere"),
        "tributary join-streams: --plays=tcp://nowhere is not tcp://host:port");
    assertOneLineError(
        CliRun.of(
            "join-streams",
            "--plays=" + RepoPaths.data().resolve("joins/plays.csv"),
            "--persons=" + tmp.resolve("absent.csv")),
        "tributary join-streams: no input files found at --persons=" + tmp.resolve("absent.csv"));
    assertOneLineError(
        CliRun.of("join-streams", "--plays=tcp://127.0.0.1:9", "--runner=" + StandInSparkRunner.class.getName()),
        "tributary join-streams: --persons is read once (a bounded read) next to a stream, which the Spark "
            + "runner's streaming mode cannot run");
  }

  static void assertOneLineError(CliRun run, String start) {
    assertEquals(2, run.status(), run.describe());
    assertTrue(run.err().startsWith(start), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  /** The lines of every flush file whose name starts with {@code prefix}, failing on a duplicate. */
  static Set<String> linesOfFlushes(Path dir, String prefix) throws IOException {
    Set<String> lines = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          assertTrue(lines.add(line), "twice: " + line);
        }
      }
    }
    return lines;
  }

  private static String pair(String minute, String player, int score, String playTime, String city, String personTime) {
    String start = "2024-06-01T" + minute + ":00.000Z";
    String end = "2024-06-01T12:0" + (Integer.parseInt(minute.substring(4)) + 1) + ":00.000Z";
    return "{\"window_start\":\"" + start + "\",\"window_end\":\"" + end + "\",\"player\":\"" + player
        + "\",\"score\":" + score + ",\"play_time\":\"2024-06-01T" + playTime + ".000Z\",\"city\":\"" + city
        + "\",\"person_time\":\"2024-06-01T" + personTime + ".000Z\",\"pane\":0,\"timing\":\"on_time\"}";
  }
}
