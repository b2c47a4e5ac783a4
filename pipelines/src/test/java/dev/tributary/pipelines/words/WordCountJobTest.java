package dev.tributary.pipelines.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.CliRun;
import dev.tributary.pipelines.RepoPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code word-count} on the bundled sample, through the command line. Expected counts come from {@code tr -s
 * ' ' '\n' < data/words/sample.txt | sort | uniq -c}: 48 distinct words, 60 in all (45 when lower-cased).
 */
class WordCountJobTest {
  @TempDir Path tmp;

  @Test
  void bundledSampleGivesEveryWordsCountOnce() throws IOException {
    CliRun run = CliRun.of("word-count", "--input=" + RepoPaths.data().resolve("words"), "--output=" + tmp.resolve("wc"));

    assertEquals(0, run.status(), run.describe());
    Set<String> rows = CliRun.distinctLines(tmp.resolve("wc-word_counts.jsonl"));
    assertEquals(48, rows.size(), String.join("\n", rows));
    assertTrue(rows.contains("{\"word\":\"the\",\"count\":4,\"pane\":0,\"timing\":\"on_time\"}"), String.join("\n", rows));
    assertTrue(rows.contains("{\"word\":\"#beam\",\"count\":2,\"pane\":0,\"timing\":\"on_time\"}"));
    assertTrue(rows.contains("{\"word\":\"error:\",\"count\":1,\"pane\":0,\"timing\":\"on_time\"}"));
    assertEquals(60, rows.stream().mapToLong(WordCountJobTest::count).sum());
    assertTrue(run.out().contains("+----------+-----+\n|      word|count|\n+----------+-----+\n|       the|    4|\n"), run.out());
  }

  @Test
  void lowerCaseMergesCapitalisedWords() throws IOException {
    CliRun run = CliRun.of("word-count", "--input=" + RepoPaths.data().resolve("words"), "--lowerCase",
        "--outputMode=complete", "--output=" + tmp.resolve("lc"));

    assertEquals(0, run.status(), run.describe());
    Set<String> rows = CliRun.distinctLines(tmp.resolve("lc-word_counts.jsonl"));
    // the/The/THE and dog/Dog merge; #beam keeps its hash.
    assertTrue(rows.contains("{\"word\":\"the\",\"count\":6,\"pane\":0,\"timing\":\"on_time\"}"), String.join("\n", rows));
    assertTrue(rows.contains("{\"word\":\"dog\",\"count\":3,\"pane\":0,\"timing\":\"on_time\"}"));
    assertTrue(rows.contains("{\"word\":\"#beam\",\"count\":2,\"pane\":0,\"timing\":\"on_time\"}"));
    assertEquals(45, rows.size());
  }

  @Test
  void appendModeWithoutWindowsIsRefusedWithSparksRule() {
    CliRun run = CliRun.of("word-count", "--outputMode=append");

    assertEquals(2, run.status(), run.describe());
    assertTrue(run.err().startsWith("tributary word-count: append output mode needs an aggregation over event-time windows"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  private static long count(String row) {
    int at = row.indexOf("\"count\":") + "\"count\":".length();
    return Long.parseLong(row.substring(at, row.indexOf(',', at)));
  }
}
