package dev.tributary.pipelines.hashtags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.CliRun;
import dev.tributary.pipelines.RepoPaths;
import dev.tributary.pipelines.words.LoopbackLineServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trending-hashtags} through the command line. Expected rankings over data/hashtags/tweets.txt come
 * from {@code python3 data/hashtags/tools/top_per_window.py [--size=.. --slide=.. --top=.. --lower] START...},
 * which counts each tweet's hashtags in every window holding its time, without Beam, and ranks by count
 * descending then tag.
 */
class TrendingHashtagsJobTest {
  private static final Pattern ROW =
      Pattern.compile("^\\{\"window_start\":\"([^\"]+)\",\"window_end\":\"[^\"]+\",\"rank\":(\\d+),\"hashtag\":\"([^\"]*)\",\"count\":(\\d+),");

  @TempDir Path tmp;

  @Test
  void bundledTweetsTopTenPerFiveMinuteWindowEverySecond() throws Exception {
    CliRun run = CliRun.of("trending-hashtags", "--input=" + tweets(), "--output=" + tmp.resolve("t"));

    assertEquals(0, run.status(), run.err());
    Set<String> rows = CliRun.distinctLines(tmp.resolve("t-trending_hashtags.jsonl"));
    assertEquals(9862, rows.size());
    Map<String, String> rankings = rankings(rows);
    assertEquals(1017, rankings.size());
    assertEquals(
        "#beam=99 #breakfast=96 #spark=70 #coffee=47 #music=26 #news=25 #football=22 #rain=20 #weekend=13 #launch=3",
        rankings.get("2024-06-01T12:00:00.000Z"));
    assertEquals(
        "#launch=80 #beam=66 #spark=60 #outage=49 #coffee=39 #music=31 #football=23 #news=21 #rain=14 #weekend=6",
        rankings.get("2024-06-01T12:04:00.000Z"));
    assertEquals(
        "#launch=148 #beam=51 #lunch=50 #spark=44 #coffee=30 #music=24 #football=19 #outage=16 #rain=12 #news=11",
        rankings.get("2024-06-01T12:07:00.000Z"));
    assertEquals("#launch=3 #football=1 #lunch=1", rankings.get("2024-06-01T12:11:58.000Z"));

    assertEquals(
        Set.of("{\"reason\":\"no leading time (expected a line like '2024-06-01T12:00:03Z some text')\","
            + "\"input\":\"a tweet that lost its time #beam\"}"),
        CliRun.distinctLines(tmp.resolve("t-rejected_lines.jsonl")));
    assertTrue(run.out().contains("trending-hashtags: read 706 lines, 1 rejected"), run.err());
  }

  @Test
  void onlyWordsStartingWithAHashAreTagsAndCaseCountsUnlessLowerCase() throws Exception {
    CliRun asWritten = CliRun.of("trending-hashtags", "--input=" + tweets(), "--windowSize=10s", "--windowSlide=10s",
        "--topN=50", "--output=" + tmp.resolve("w"));
    CliRun lower = CliRun.of("trending-hashtags", "--input=" + tweets(), "--windowSize=10s", "--windowSlide=10s",
        "--topN=50", "--lowerCase", "--output=" + tmp.resolve("l"));

    assertEquals(0, asWritten.status() + lower.status(), asWritten.err() + lower.err());
    // The window holds "learning C# and F# today # not a tag #Beam #beam": C#, F# and # are not tags.
    Map<String, String> written = rankings(CliRun.distinctLines(tmp.resolve("w-trending_hashtags.jsonl")));
    assertEquals(72, written.size());
    assertEquals(
        "#breakfast=7 #beam=4 #news=3 #spark=2 #Beam=1 #coffee=1 #rain=1 #weekend=1",
        written.get("2024-06-01T12:01:40.000Z"));
    assertEquals(
        "#breakfast=7 #beam=5 #news=3 #spark=2 #coffee=1 #rain=1 #weekend=1",
        rankings(CliRun.distinctLines(tmp.resolve("l-trending_hashtags.jsonl"))).get("2024-06-01T12:01:40.000Z"));
  }

  @Test
  void socketTweetsAreWindowedInProcessingTime() throws Exception {
    CliRun run;
    try (LoopbackLineServer server = LoopbackLineServer.start()) {
      CompletableFuture<CliRun> job =
          CompletableFuture.supplyAsync(
              () -> CliRun.of("trending-hashtags", "--input=tcp://127.0.0.1:" + server.port(), "--windowSize=2s",
                  "--windowSlide=1s", "--topN=3", "--stopAfterIdle=3s", "--updateInterval=500ms",
                  "--output=" + tmp.resolve("out/s")));
      server.send("2024-06-01T12:00:00Z so #x much #y", "#x again", "no tags here");
      run = job.get(3, TimeUnit.MINUTES);
    }

    assertEquals(0, run.status(), run.describe());
    List<String> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("s-trending_hashtags-")).toList()) {
        rows.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
      }
    }
    // Read times place each tweet in exactly two 2 s windows, so each tag's counts add up to twice its
    // occurrences; two tags never exceed the top 3.
    Map<String, Long> totals = new TreeMap<>();
    for (String row : rows) {
      Matcher m = ROW.matcher(row);
      assertTrue(m.find(), row);
      totals.merge(m.group(3), Long.parseLong(m.group(4)), Long::sum);
    }
    assertEquals(Map.of("#x", 4L, "#y", 2L), totals, String.join("\n", rows));
  }

  @Test
  void refusedOptionsAreOneLine() {
    assertOneLine(
        CliRun.of("trending-hashtags", "--outputMode=complete"),
        "tributary trending-hashtags: --outputMode=complete would show every window's ranking again");
    assertOneLine(
        CliRun.of("trending-hashtags", "--trigger=processingTime=5s"),
        "tributary trending-hashtags: --trigger=processingTime=5s: rankings fire when their window ends");
    assertOneLine(
        CliRun.of("trending-hashtags", "--windowSize=300s", "--windowSlide=7s"),
        "tributary trending-hashtags: --windowSize=300s is not a multiple of --windowSlide=7s");
    assertOneLine(CliRun.of("trending-hashtags", "--topN=0"), "tributary trending-hashtags: --topN must be at least 1, got 0");
    assertOneLine(CliRun.of("trending-hashtags", "--timeMode=SOMETIMES"), "tributary trending-hashtags: --timeMode=SOMETIMES: ");
  }

  @Test
  void helpListsTheJobsOptions() {
    CliRun run = CliRun.of("trending-hashtags", "--help");

    assertEquals(0, run.status(), run.describe());
    for (String option : new String[] {"--input", "--timeMode", "--windowSize", "--windowSlide", "--topN", "--lowerCase",
        "--outputMode", "--trigger", "--output", "--jdbcUrl"}) {
      assertTrue(run.out().contains(option), option + " missing from:\n" + run.out());
    }
    assertTrue(run.out().replaceAll("\\s+", " ").contains("Default: data/hashtags"), run.out());
  }

  private static void assertOneLine(CliRun run, String start) {
    assertEquals(2, run.status(), run.describe());
    assertTrue(run.err().startsWith(start), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  private static Path tweets() {
    return RepoPaths.data().resolve("hashtags");
  }

  /** Window start to its ranking written "tag=count ..." in rank order; checks ranks run 1, 2, 3, ... */
  private static Map<String, String> rankings(Set<String> rows) {
    Map<String, TreeMap<Integer, String>> byWindow = new TreeMap<>();
    for (String row : rows) {
      Matcher m = ROW.matcher(row);
      assertTrue(m.find(), row);
      String previous =
          byWindow.computeIfAbsent(m.group(1), w -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), m.group(3) + "=" + m.group(4));
      assertEquals(null, previous, "rank given twice: " + row);
    }
    Map<String, String> rankings = new TreeMap<>();
    byWindow.forEach((window, ranks) -> {
      assertEquals(ranks.size(), ranks.lastKey(), "ranks of " + window + ": " + ranks.keySet());
      rankings.put(window, ranks.values().stream().collect(Collectors.joining(" ")));
    });
    return rankings;
  }
}
