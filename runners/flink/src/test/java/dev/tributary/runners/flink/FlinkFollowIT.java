package dev.tributary.runners.flink;

import static dev.tributary.pipelines.testkit.SinkContents.finalRows;
import static dev.tributary.pipelines.testkit.SinkContents.jsonOutputFiles;
import static dev.tributary.pipelines.testkit.SinkContents.lastStatusTable;
import static dev.tributary.pipelines.testkit.SinkContents.statusCounts;
import static dev.tributary.pipelines.testkit.SinkContents.windowedFiles;
import static dev.tributary.runners.flink.FlinkTestSupport.repoRoot;
import static dev.tributary.runners.flink.FlinkTestSupport.summary;
import static dev.tributary.runners.flink.FlinkTestSupport.workDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.testkit.SinkContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Follow mode on embedded Flink (streaming, parallelism 2, in this JVM): the job watches a directory into
 * which the test renames access logs while it runs, ends by itself with {@code --stopAfterIdle}, and its
 * final results (console, JSON Lines flushes, per-window files) are exactly the Direct runner's batch
 * results over the same files ({@link DirectReference}).
 */
class FlinkFollowIT {
  @Test
  void filesRenamedIntoTheWatchedDirectoryGiveTheDirectRunnersFinalResults() throws Exception {
    Path logs = repoRoot().resolve("data/logs");
    Path dir = workDir("flink-follow");
    Path incoming = Files.createDirectories(dir.resolve("incoming"));
    moveIn(logs.resolve("access-001.log"), incoming);

    InProcessRun follow = InProcessRun.start(dir, List.of("logs", "--runner=FlinkRunner", "--parallelism=2",
        "--streaming=true", "--follow", "--input=" + incoming, "--pollInterval=200ms", "--updateInterval=1s",
        "--stopAfterIdle=8s", "--output=" + dir.resolve("out/run"), "--windowedFiles=" + dir.resolve("files/run")));
    // The second file arrives once the first one's results show, so it is picked up by a running job.
    follow.awaitConsole(c -> c.contains("| status_counts"), "status counts of the first file", 120);
    moveIn(logs.resolve("access-002.log"), incoming);
    InProcessRun.Result run = follow.await(180);

    assertEquals(0, run.status(), run.describe());
    assertEquals("logs: read 1080 lines: 1076 parsed, 4 rejected", summary(run.out()));
    assertTrue(run.console().contains("(EARLY) | top_endpoints"), "early panes while following");
    List<String> expectedCounts = statusCounts(finalRows(jsonOutputFiles(DirectReference.output(), "status_counts")));
    assertEquals(List.of("200=855", "301=20", "302=24", "304=92", "400=3", "403=11", "404=53", "500=11", "503=7"),
        expectedCounts);
    assertEquals(expectedCounts, lastStatusTable(run.console()), "the console's last status table");
    for (String query : List.of("status_counts", "top_endpoints", "rejected_lines")) {
      assertEquals(finalRows(jsonOutputFiles(DirectReference.output(), query)),
          finalRows(jsonOutputFiles(dir.resolve("out/run"), query)), query + ": final JSON Lines rows");
    }
    assertEquals(finalRows(windowedFiles(DirectReference.files())), finalRows(windowedFiles(dir.resolve("files"))),
        "final rows of the per-window files");
    assertFalse(SinkContents.readAll(jsonOutputFiles(dir.resolve("out/run"), "top_endpoints")).contains("\"late\""),
        "files in time order make no late panes");
  }

  /** Copies a file in under a hidden name and renames it into place, as the follow-mode rules ask. */
  private static void moveIn(Path file, Path dir) throws Exception {
    Path hidden = dir.resolve("." + file.getFileName() + ".tmp");
    Files.copy(file, hidden);
    Files.move(hidden, dir.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
  }
}
