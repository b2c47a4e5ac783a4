package dev.tributary.pipelines.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.CliRun;
import dev.tributary.pipelines.RepoPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code word-count} over a socket, the seeds' {@code nc -lk 9999} word count: the bundled sample is served
 * in two bursts from 127.0.0.1 (lines 1-8, then 9-10), and once the stream goes quiet each word's latest count is its count in the
 * whole sample.
 */
class WordCountOverSocketTest {
  /** {@code tr -s ' ' '\n' < data/words/sample.txt | sort | uniq -c}. */
  static final String SAMPLE_COUNTS =
      "#beam=2 #spark=1 #streaming=1 3=1 Beam=1 Dog=1 Spark=1 Streaming=1 THE=1 The=1 a=1 again=1 an=1 and=3 "
          + "batches=1 brown=1 counts=2 disk=1 dog=2 error=1 error:=1 failure=1 five=1 four=1 fox=3 full=1 in=2 "
          + "is=1 jumps=1 lazy=1 micro=1 node=1 not=1 on=1 one=1 over=1 panes=1 quick=1 runs=1 sleeps=1 the=4 "
          + "three=1 today=1 trend=1 two=1 while=1 windows=1 words=2";

  @TempDir Path tmp;

  @Test
  void streamedSampleEndsWithTheSampleCounts() throws Exception {
    List<String> lines = Files.readAllLines(RepoPaths.data().resolve("words/sample.txt"), StandardCharsets.UTF_8);
    CliRun run;
    try (LoopbackLineServer server = LoopbackLineServer.start()) {
      CompletableFuture<CliRun> job =
          CompletableFuture.supplyAsync(
              () -> CliRun.of("word-count", "--input=tcp://127.0.0.1:" + server.port(), "--stopAfterIdle=3s",
                  "--updateInterval=500ms", "--output=" + tmp.resolve("out/wc")));
      server.send(lines.subList(0, 8).toArray(String[]::new));
      StreamedRows.await(tmp.resolve("out"), "wc-word_counts-", "#beam", 1);
      server.send(lines.subList(8, lines.size()).toArray(String[]::new));
      run = job.get(2, TimeUnit.MINUTES);
    }

    assertEquals(0, run.status(), run.describe());
    assertTrue(run.out().contains("word-count: following tcp://127.0.0.1:"), run.out());
    StreamedRows rows = StreamedRows.read(tmp.resolve("out"), "wc-word_counts-");
    assertEquals(expected(SAMPLE_COUNTS), rows.finalCounts());
    // "#beam" is on one line of each burst: update mode showed it with 1, then 2.
    assertEquals(List.of(1L, 2L), rows.history("#beam"));
  }

  static Map<String, Long> expected(String counts) {
    Map<String, Long> map = new TreeMap<>();
    Arrays.stream(counts.split(" "))
        .forEach(kv -> map.put(kv.substring(0, kv.lastIndexOf('=')), Long.parseLong(kv.substring(kv.lastIndexOf('=') + 1))));
    return map;
  }
}
