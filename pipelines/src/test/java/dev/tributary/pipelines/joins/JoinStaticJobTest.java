package dev.tributary.pipelines.joins;

import static dev.tributary.pipelines.joins.JoinStreamsJobTest.assertOneLineError;
import static dev.tributary.pipelines.joins.JoinStreamsJobTest.linesOfFlushes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.CliRun;
import dev.tributary.pipelines.RepoPaths;
import dev.tributary.pipelines.cli.StandInSparkRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code join-static} through the command line: the 11 well-formed plays of {@code data/joins/plays.csv}
 * looked up in {@code players.csv} (alice 31, bob 25, dave 40; erin's row is malformed). Expected rows by
 * hand, checked with the Python snippet in {@code data/joins/README.md}: 8 plays of alice, bob and dave
 * match; carol's 2 plays and erin's 1 do not.
 */
class JoinStaticJobTest {
  private static final List<String> MATCHED =
      List.of(
          row("alice", 3, "12:00:31", "31"),
          row("alice", 6, "12:02:10", "31"),
          row("alice", 8, "12:01:15", "31"),
          row("alice", 10, "12:00:05", "31"),
          row("bob", 7, "12:00:12", "25"),
          row("bob", 12, "12:01:02", "25"),
          row("dave", 1, "12:02:59", "40"),
          row("dave", 4, "12:01:40", "40"));
  private static final List<String> UNMATCHED =
      List.of(row("carol", 5, "12:00:48", "null"), row("carol", 11, "12:02:33", "null"), row("erin", 9, "12:01:59", "null"));

  @TempDir Path tmp;

  @Test
  void innerJoinKeepsThePlaysOfKnownPlayers() throws IOException {
    CliRun run = run("--joinType=inner", "--output=" + tmp.resolve("in"));

    assertEquals(0, run.status(), run.describe());
    assertEquals(new TreeSet<>(MATCHED), CliRun.distinctLines(tmp.resolve("in-plays_with_players.jsonl")));
    assertEquals(
        Set.of(
            "{\"reason\":\"age is not an integer\",\"input\":\"erin,twenty\"}",
            "{\"reason\":\"expected 2 comma-separated fields, found 1\",\"input\":\"frank\"}",
            "{\"reason\":\"name is empty\",\"input\":\",22\"}"),
        CliRun.distinctLines(tmp.resolve("in-rejected_players.jsonl")));
    assertEquals(3, CliRun.distinctLines(tmp.resolve("in-rejected_plays.jsonl")).size());
    assertTrue(
        run.out().contains(
            "join-static: plays: read 15 lines: 11 parsed, 3 rejected, 1 header; players: read 7 lines: 3 parsed, "
                + "3 rejected, 1 header\n"
                + "join-static: 8 plays joined with their player; 3 plays of players not in the table (dropped by "
                + "the inner join)\n"),
        run.out());
  }

  @Test
  void leftOuterJoinKeepsEveryPlayWithNullAgeForUnknownPlayers() throws IOException {
    CliRun run = run("--joinType=left_outer", "--output=" + tmp.resolve("lo"));

    assertEquals(0, run.status(), run.describe());
    Set<String> expected = new TreeSet<>(MATCHED);
    expected.addAll(UNMATCHED);
    assertEquals(expected, CliRun.distinctLines(tmp.resolve("lo-plays_with_players.jsonl")));
    assertTrue(run.out().contains("|carol |5    |2024-06-01T12:00:48.000Z|null|\n"), run.out());
    assertTrue(run.out().contains("3 plays of players not in the table (emitted with a null age)"), run.out());
  }

  /**
   * The seeds' way: plays typed into a socket as bare {@code player,score} lines, stamped when read, joined
   * with the table as a side input while the stream runs. Times are the wall clock's, so rows are compared
   * without them.
   */
  @Test
  void socketPlaysInProcessingTimeJoinAsTheyCome() throws Exception {
    CliRun run;
    try (LinesOverSocket plays = LinesOverSocket.serve(List.of("alice,1", "zoe,2", "bob,oops", "dave,3"))) {
      run =
          CliRun.of(
              "join-static",
              "--input=" + plays.url(),
              "--players=" + RepoPaths.data().resolve("joins/players.csv"),
              "--timeMode=PROCESSING",
              "--joinType=left",
              "--stopAfterIdle=3s",
              "--updateInterval=1s",
              "--output=" + tmp.resolve("sock"));
    }

    assertEquals(0, run.status(), run.describe());
    Set<String> rows = new TreeSet<>();
    for (String line : linesOfFlushes(tmp, "sock-plays_with_players-")) {
      rows.add(line.replaceAll("\"play_time\":\"[^\"]+\",", "").replaceAll(",\"pane\":.*", "}"));
    }
    assertEquals(
        Set.of(
            "{\"player\":\"alice\",\"score\":1,\"age\":31}",
            "{\"player\":\"dave\",\"score\":3,\"age\":40}",
            "{\"player\":\"zoe\",\"score\":2,\"age\":null}"),
        rows);
    assertEquals(
        Set.of("{\"reason\":\"score is not an integer\",\"input\":\"bob,oops\"}"),
        linesOfFlushes(tmp, "sock-rejected_plays-"));
  }

  @Test
  void badOptionsAreOneLineAndStatusTwo() {
    assertOneLineError(
        CliRun.of("join-static", "--joinType=outer"), "tributary join-static: --joinType=outer is not inner or left_outer");
    assertOneLineError(
        CliRun.of("join-static", "--outputMode=complete"),
        "tributary join-static: complete output mode needs an aggregation");
    assertOneLineError(
        CliRun.of("join-static", "--players=tcp://127.0.0.1:9999"),
        "tributary join-static: --players=tcp://127.0.0.1:9999 is a stream; the players table must be a file read once");
    assertOneLineError(
        CliRun.of(
            "join-static",
            "--input=" + RepoPaths.data().resolve("joins/plays.csv"),
            "--players=" + tmp.resolve("absent.csv")),
        "tributary join-static: no players table found at --players=" + tmp.resolve("absent.csv"));
    assertOneLineError(
        CliRun.of("join-static", "--input=tcp://127.0.0.1:9", "--runner=" + StandInSparkRunner.class.getName()),
        "tributary join-static: --players is read once (a bounded read) next to a stream, which the Spark "
            + "runner's streaming mode cannot run");
  }

  private static CliRun run(String... options) {
    Path joins = RepoPaths.data().resolve("joins");
    List<String> args = new java.util.ArrayList<>(List.of("join-static", "--input=" + joins.resolve("plays.csv"), "--players=" + joins.resolve("players.csv")));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static String row(String player, int score, String playTime, String age) {
    return "{\"player\":\"" + player + "\",\"score\":" + score + ",\"play_time\":\"2024-06-01T" + playTime
        + ".000Z\",\"age\":" + age + ",\"pane\":0,\"timing\":\"on_time\"}";
  }
}
