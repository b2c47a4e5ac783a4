package dev.tributary.pipelines.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.CliRun;
import dev.tributary.pipelines.RepoPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code running-word-count}: on files one batch (the word counts of the file); on a socket, totals carry
 * from batch to batch, and {@code --idleExpiry} forgets a word that went quiet. The streaming cases send two
 * bursts from 127.0.0.1 and wait until the first burst's totals are written before sending the second, so
 * the bursts are two batches whatever the runner's timing.
 */
class RunningWordCountJobTest {
  @TempDir Path tmp;

  @Test
  void bundledSampleIsOneBatchWithTheSampleCounts() throws Exception {
    CliRun run = CliRun.of("running-word-count", "--input=" + RepoPaths.data().resolve("words"), "--output=" + tmp.resolve("rw"));

    assertEquals(0, run.status(), run.describe());
    Set<String> rows = CliRun.distinctLines(tmp.resolve("rw-running_word_counts.jsonl"));
    assertEquals(48, rows.size());
    // Expected counts: tr -s ' ' '\n' < data/words/sample.txt | sort | uniq -c
    for (Map.Entry<String, Long> e : WordCountOverSocketTest.expected(WordCountOverSocketTest.SAMPLE_COUNTS).entrySet()) {
      String row = "{\"word\":\"" + e.getKey() + "\",\"count\":" + e.getValue() + ",\"pane\":0,\"timing\":\"on_time\"}";
      assertTrue(rows.contains(row), row + " missing from " + rows);
    }
  }

  @Test
  void totalsCarryAcrossBatches() throws Exception {
    CliRun run;
    try (LoopbackLineServer server = LoopbackLineServer.start()) {
      CompletableFuture<CliRun> job =
          CompletableFuture.supplyAsync(
              () -> CliRun.of("running-word-count", "--input=tcp://127.0.0.1:" + server.port(),
                  "--stopAfterIdle=8s", "--updateInterval=500ms", "--output=" + tmp.resolve("out/rw")));
      server.send("apple banana apple", "cherry");
      StreamedRows.await(tmp.resolve("out"), "rw-running_word_counts-", "cherry", 1);
      server.send("apple cherry cherry", "date");
      run = job.get(3, TimeUnit.MINUTES);
    }

    assertEquals(0, run.status(), run.describe());
    StreamedRows rows = StreamedRows.read(tmp.resolve("out"), "rw-running_word_counts-");
    // Batch 1: apple 2, banana 1, cherry 1. Batch 2 adds apple 1, cherry 2, date 1; banana is not in it.
    assertEquals(Map.of("apple", 3L, "banana", 1L, "cherry", 3L, "date", 1L), rows.finalCounts());
    assertEquals(List.of(2L, 3L), rows.history("apple"));
    assertEquals(List.of(1L, 3L), rows.history("cherry"));
    assertEquals(List.of(1L), rows.history("banana"), "a word missing from a batch is not shown again");
  }

  @Test
  void idleExpiryForgetsAWordThatWentQuiet() throws Exception {
    CliRun run;
    try (LoopbackLineServer server = LoopbackLineServer.start()) {
      CompletableFuture<CliRun> job =
          CompletableFuture.supplyAsync(
              () -> CliRun.of("running-word-count", "--input=tcp://127.0.0.1:" + server.port(),
                  "--idleExpiry=1s", "--trigger=processingTime=500ms", "--stopAfterIdle=12s",
                  "--updateInterval=500ms", "--output=" + tmp.resolve("out/ex")));
      server.send("apple apple banana");
      StreamedRows.await(tmp.resolve("out"), "ex-running_word_counts-", "apple", 2);
      // The words' expiry was due at most 1 s after their totals were written; wait well past it.
      Thread.sleep(4_000);
      server.send("apple");
      run = job.get(3, TimeUnit.MINUTES);
    }

    assertEquals(0, run.status(), run.describe());
    StreamedRows rows = StreamedRows.read(tmp.resolve("out"), "ex-running_word_counts-");
    // Forgotten after batch 1, apple restarts from 0: its next total is its count in batch 2.
    assertEquals(List.of(2L, 1L), rows.history("apple"));
    assertEquals(Map.of("apple", 1L, "banana", 1L), rows.finalCounts());
    Matcher forgot = Pattern.compile("running-word-count: forgot (\\d+) idle words").matcher(run.out());
    assertTrue(forgot.find(), run.out());
    // apple and banana after batch 1; the second apple may or may not expire before the job ends.
    assertTrue(Long.parseLong(forgot.group(1)) >= 2, forgot.group());
  }

  @Test
  void onlyUpdateModeFitsRunningTotals() {
    for (String mode : new String[] {"complete", "append"}) {
      CliRun run = CliRun.of("running-word-count", "--outputMode=" + mode);
      assertEquals(2, run.status(), run.describe());
      assertTrue(run.err().startsWith("tributary running-word-count: --outputMode=" + mode + " does not fit running totals"), run.err());
      assertTrue(run.err().contains("mapGroupsWithState"), run.err());
      assertEquals(1, run.err().lines().count(), run.err());
    }
  }

  @Test
  void badIdleExpiryIsOneLine() {
    CliRun run = CliRun.of("running-word-count", "--idleExpiry=soon");

    assertEquals(2, run.status(), run.describe());
    assertEquals(
        "tributary running-word-count: --idleExpiry=soon is not a duration; write it like 500ms, 30s, 5m, 1h or 1d\n",
        run.err());
  }

  @Test
  void helpListsTheJobsOptions() {
    CliRun run = CliRun.of("running-word-count", "--help");

    assertEquals(0, run.status(), run.describe());
    for (String option : new String[] {"--input", "--idleExpiry", "--outputMode", "--trigger", "--output", "--jdbcUrl"}) {
      assertTrue(run.out().contains(option), option + " missing from:\n" + run.out());
    }
    assertTrue(run.out().contains("Default: data/words"), run.out());
  }
}
