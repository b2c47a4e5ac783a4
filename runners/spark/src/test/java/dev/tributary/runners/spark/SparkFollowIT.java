package dev.tributary.runners.spark;

import static dev.tributary.pipelines.testkit.SinkContents.finalRows;
import static dev.tributary.pipelines.testkit.SinkContents.lastStatusTable;
import static dev.tributary.pipelines.testkit.SinkContents.statusCounts;
import static dev.tributary.pipelines.testkit.SinkContents.windowedFiles;
import static dev.tributary.runners.spark.SparkRuns.repoRoot;
import static dev.tributary.runners.spark.SparkRuns.workDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.testkit.SinkContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Follow mode on Spark's streaming mode (local[2], the bundled jar through bin/spark-submit.sh): the job
 * watches a directory into which the test renames access logs while it runs. Spark never ends such a job
 * (and refuses --stopAfterIdle), so the test watches the console and the per-window files until the final
 * status counts and every window's final ranking are the Direct runner's batch results over the same files
 * ({@link DirectReference}), then ends the driver by its PID.
 */
class SparkFollowIT {
  @Test
  void filesRenamedIntoTheWatchedDirectoryReachTheDirectRunnersFinalResults() throws Exception {
    Path logs = repoRoot().resolve("data/logs");
    Path dir = workDir("spark-follow");
    Path incoming = Files.createDirectories(dir.resolve("incoming"));
    moveIn(logs.resolve("access-001.log"), incoming);
    // The same two files in batch on the Direct runner, overlapping with Spark's start-up.
    CompletableFuture<Path> direct = CompletableFuture.supplyAsync(DirectReference::dir);

    try (SparkStreamingRun spark = SparkStreamingRun.start(dir, Map.of(), "logs", "--follow", "--input=" + incoming,
        "--runner=SparkRunner", "--streaming=true", "--pollInterval=200ms", "--updateInterval=1s",
        "--windowedFiles=" + dir.resolve("files/run"))) {
      // The second file arrives once the first one's counts show, so a running job picks it up.
      double first = spark.await(() -> !lastStatusTable(spark.stdout()).isEmpty(), "status counts of the first file",
          Duration.ofMinutes(2));
      moveIn(logs.resolve("access-002.log"), incoming);

      direct.join();
      Path directFiles = DirectReference.files();
      List<String> expectedCounts = statusCounts(finalRows(windowedFiles(directFiles)));
      assertEquals(List.of("200=855", "301=20", "302=24", "304=92", "400=3", "403=11", "404=53", "500=11", "503=7"),
          expectedCounts);
      Map<String, List<String>> expectedWindows = finalRows(windowedFiles(directFiles));
      assertEquals(22, expectedWindows.size(), "21 windows and the status counts");

      double done = spark.await(() -> lastStatusTable(spark.stdout()).equals(expectedCounts)
              && finalRows(windowedFiles(dir.resolve("files"))).equals(expectedWindows),
          "the Direct runner's final status counts on the console and rankings in the per-window files",
          Duration.ofMinutes(2));
      String stdout = spark.stdout();
      System.out.printf("[spark-it] follow: first counts %.1f s, final results %.1f s after submitting; driver %s%n",
          first, done, spark.stop());

      assertEquals(expectedCounts, lastStatusTable(stdout));
      assertTrue(stdout.contains("(EARLY) | top_endpoints"), "early panes while following");
      assertTrue(stdout.contains("(ON_TIME) | top_endpoints"), "windows closed by the watermark");
      assertEquals(expectedWindows, finalRows(windowedFiles(dir.resolve("files"))));
    }
  }

  /** Copies a file in under a hidden name and renames it into place, as the follow-mode rules ask. */
  private static void moveIn(Path file, Path dir) throws Exception {
    Path hidden = dir.resolve("." + file.getFileName() + ".tmp");
    Files.copy(file, hidden);
    Files.move(hidden, dir.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
  }
}
