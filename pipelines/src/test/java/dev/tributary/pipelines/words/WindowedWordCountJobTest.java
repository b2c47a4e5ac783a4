package dev.tributary.pipelines.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.CliRun;
import dev.tributary.pipelines.RepoPaths;
import java.io.IOException;
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
 * {@code windowed-word-count} through the command line. Expected windows over data/words/timed/sample.txt
 * were computed with Python, independently of Beam ({@code python3 data/words/tools/windowed_counts.py
 * 11:59:50 12:01:20 12:01:50}): parse each line's leading time with {@code datetime.fromisoformat} (refusing
 * zone-less times), put its words in the two 20 s windows starting at the time rounded down to 10 s and 10 s
 * before, count per window. That gives 13 windows, 180 (window, word) rows and 2 refused lines.
 */
class WindowedWordCountJobTest {
  private static final Pattern ROW =
      Pattern.compile("^\\{\"window_start\":\"([^\"]+)\",\"window_end\":\"[^\"]+\",\"word\":\"([^\"]*)\",\"count\":(\\d+),");

  @TempDir Path tmp;

  @Test
  void bundledSampleInEventTime() throws IOException {
    CliRun run = CliRun.of("windowed-word-count", "--input=" + timed(), "--output=" + tmp.resolve("ww"));

    assertEquals(0, run.status(), run.describe());
    Set<String> rows = CliRun.distinctLines(tmp.resolve("ww-windowed_word_counts.jsonl"));
    assertEquals(180, rows.size());
    Map<String, Map<String, Long>> windows = windows(rows);
    assertEquals(13, windows.size(), windows.keySet().toString());
    assertEquals(
        counts("beam=1 brown=1 counts=2 dog=1 fox=1 in=1 jumps=1 lazy=1 over=1 quick=1 spark=1 streaming=1 the=2 "
            + "windows=1 words=2"),
        windows.get("2024-06-01T11:59:50.000Z"));
    // Holds the +02:00 line (12:01:21Z), not the zone-less one at 12:01:26.
    assertEquals(
        counts("an=1 end=1 fine=1 is=2 near=1 offset=1 quick=3 the=1 time=1 too=1"),
        windows.get("2024-06-01T12:01:20.000Z"));
    assertEquals(counts("end=1 last=1 the=1 words=1"), windows.get("2024-06-01T12:01:50.000Z"));
    assertTrue(rows.stream().allMatch(r -> r.endsWith(",\"pane\":0,\"timing\":\"on_time\"}")), "one pane per window");

    Set<String> rejected = CliRun.distinctLines(tmp.resolve("ww-rejected_lines.jsonl"));
    assertEquals(
        Set.of(
            "{\"reason\":\"no leading time (expected a line like '2024-06-01T12:00:03Z some text')\",\"input\":\"this line has no time\"}",
            "{\"reason\":\"leading time has no zone (write it with Z or an offset, like 2024-06-01T12:00:03Z)\","
                + "\"input\":\"2024-06-01T12:01:26 a time without a zone is refused\"}"),
        rejected);
    assertTrue(run.out().contains("windowed-word-count: read 30 lines, 2 rejected"), run.out());
    assertTrue(run.out().contains("Window: [2024-06-01T12:01:20.000Z, 2024-06-01T12:01:40.000Z) | Pane: 0 (ON_TIME) | windowed_word_counts"), run.out());
  }

  @Test
  void appendAndCompleteGiveTheSameWindowsOnFiles() throws IOException {
    CliRun update = CliRun.of("windowed-word-count", "--input=" + timed(), "--output=" + tmp.resolve("u"));
    CliRun append = CliRun.of("windowed-word-count", "--input=" + timed(), "--outputMode=append", "--output=" + tmp.resolve("a"));
    CliRun complete = CliRun.of("windowed-word-count", "--input=" + timed(), "--outputMode=complete", "--output=" + tmp.resolve("c"));

    assertEquals(0, update.status() + append.status() + complete.status(), append.describe() + complete.describe());
    Set<String> expected = CliRun.distinctLines(tmp.resolve("u-windowed_word_counts.jsonl"));
    assertEquals(expected, CliRun.distinctLines(tmp.resolve("a-windowed_word_counts.jsonl")));
    assertEquals(expected, CliRun.distinctLines(tmp.resolve("c-windowed_word_counts.jsonl")));
  }

  @Test
  void processingTimeKeepsEveryLineAndPutsEachWordInTwoWindows() throws IOException {
    CliRun run = CliRun.of("windowed-word-count", "--input=" + timed(), "--timeMode=PROCESSING", "--output=" + tmp.resolve("pt"));

    assertEquals(0, run.status(), run.describe());
    List<String> rows = Files.readAllLines(tmp.resolve("pt-windowed_word_counts.jsonl"), StandardCharsets.UTF_8);
    // 126 words once valid leading times are dropped (counted with Python); each lands in two 20 s windows.
    assertEquals(2 * 126, rows.stream().mapToLong(WindowedWordCountJobTest::count).sum());
    assertEquals(2 * 15, rows.stream().filter(r -> word(r).equals("the")).mapToLong(WindowedWordCountJobTest::count).sum());
    assertFalse(rows.stream().anyMatch(r -> word(r).startsWith("2024-06-01T12:00")), "valid leading times are not words");
    assertTrue(rows.stream().anyMatch(r -> word(r).equals("2024-06-01T12:01:26")), "a zone-less time is text");
    assertTrue(run.out().contains("windowed-word-count: read 30 lines, 0 rejected"), run.out());
    assertFalse(Files.exists(tmp.resolve("pt-rejected_lines.jsonl")), "no dead letters in processing time");
  }

  @Test
  void socketStreamIsWindowedInProcessingTime() throws Exception {
    CliRun run;
    try (LoopbackLineServer server = LoopbackLineServer.start()) {
      CompletableFuture<CliRun> job =
          CompletableFuture.supplyAsync(
              () -> CliRun.of("windowed-word-count", "--input=tcp://127.0.0.1:" + server.port(), "--outputMode=append",
                  "--windowSize=2s", "--windowSlide=1s", "--stopAfterIdle=3s", "--updateInterval=500ms",
                  "--output=" + tmp.resolve("out/sw")));
      server.send("2024-06-01T12:00:00Z a b a", "c");
      run = job.get(3, TimeUnit.MINUTES);
    }

    assertEquals(0, run.status(), run.describe());
    List<String> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("sw-windowed_word_counts-")).toList()) {
        rows.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
      }
    }
    // Read times place each word in exactly two 2 s windows; append shows each window once. The leading
    // time is not a word, and its date is not used.
    Map<String, Long> totals =
        rows.stream().collect(Collectors.groupingBy(WindowedWordCountJobTest::word, TreeMap::new, Collectors.summingLong(WindowedWordCountJobTest::count)));
    assertEquals(Map.of("a", 4L, "b", 2L, "c", 2L), totals, String.join("\n", rows));
    assertFalse(rows.stream().anyMatch(r -> r.contains("2024-06-01T12:00:00")), String.join("\n", rows));
  }

  @Test
  void badOptionsAreOneLine() {
    CliRun slide = CliRun.of("windowed-word-count", "--windowSize=10s", "--windowSlide=20s");
    assertEquals(2, slide.status(), slide.describe());
    assertEquals(
        "tributary windowed-word-count: --windowSlide=20s is longer than --windowSize=10s; words between windows would be skipped\n",
        slide.err());

    CliRun mode = CliRun.of("windowed-word-count", "--timeMode=WALLCLOCK");
    assertEquals(2, mode.status(), mode.describe());
    assertTrue(mode.err().startsWith("tributary windowed-word-count: --timeMode=WALLCLOCK: "), mode.err());
    assertEquals(1, mode.err().lines().count(), mode.err());

    CliRun trigger = CliRun.of("windowed-word-count", "--trigger=sometimes");
    assertEquals(2, trigger.status(), trigger.describe());
    assertTrue(trigger.err().startsWith("tributary windowed-word-count: trigger 'sometimes' is not one of"), trigger.err());
  }

  @Test
  void helpListsTheJobsOptions() {
    CliRun run = CliRun.of("windowed-word-count", "--help");

    assertEquals(0, run.status(), run.describe());
    for (String option : new String[] {"--input", "--timeMode", "--windowSize", "--windowSlide", "--outputMode", "--trigger", "--output"}) {
      assertTrue(run.out().contains(option), option + " missing from:\n" + run.out());
    }
    assertTrue(run.out().replaceAll("\\s+", " ").contains("Default: EVENT for files, PROCESSING for tcp://"), run.out());
  }

  private static Path timed() {
    return RepoPaths.data().resolve("words/timed");
  }

  /** Window start to word counts. */
  private static Map<String, Map<String, Long>> windows(Set<String> rows) {
    Map<String, Map<String, Long>> windows = new TreeMap<>();
    for (String row : rows) {
      Matcher m = ROW.matcher(row);
      assertTrue(m.find(), row);
      windows.computeIfAbsent(m.group(1), w -> new TreeMap<>()).put(m.group(2), Long.parseLong(m.group(3)));
    }
    return windows;
  }

  private static Map<String, Long> counts(String spaced) {
    return new TreeMap<>(WordCountOverSocketTest.expected(spaced));
  }

  private static String word(String row) {
    int at = row.indexOf("\"word\":\"") + "\"word\":\"".length();
    return row.substring(at, row.indexOf('"', at));
  }

  private static long count(String row) {
    int at = row.indexOf("\"count\":") + "\"count\":".length();
    return Long.parseLong(row.substring(at, row.indexOf(',', at)));
  }
}
