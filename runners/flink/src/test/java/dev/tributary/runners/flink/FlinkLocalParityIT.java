package dev.tributary.runners.flink;

import static dev.tributary.runners.flink.FlinkTestSupport.assertSameResults;
import static dev.tributary.runners.flink.FlinkTestSupport.direct;
import static dev.tributary.runners.flink.FlinkTestSupport.repoRoot;
import static dev.tributary.runners.flink.FlinkTestSupport.runScript;
import static dev.tributary.runners.flink.FlinkTestSupport.summary;
import static dev.tributary.runners.flink.FlinkTestSupport.workDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.runners.flink.FlinkTestSupport.JobRun;
import dev.tributary.runners.flink.FlinkTestSupport.ProcessResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The logs job on embedded Flink, run from the bundled jar by bin/flink-local.sh with parallelism 2 (which
 * exposes ordering assumptions the Direct runner hides), gives the Direct runner's results: the bundle and the
 * script work. Every job's parity, in-process, is {@link FlinkJobsParityIT}.
 */
class FlinkLocalParityIT {
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

  @Test
  void bundledSampleLogsMatchDirect() {
    assertParity("logs", List.of("--input=" + repoRoot().resolve("data/logs")), "read 1080 lines");
  }

  private static void assertParity(String name, List<String> jobArgs, String expectedCount) {
    JobRun direct = direct(name, jobArgs);

    Path dir = workDir("local-" + name);
    Path prefix = dir.resolve("out");
    List<String> args = new ArrayList<>(List.of("logs", "--runner=FlinkRunner", "--parallelism=2", "--output=" + prefix));
    args.addAll(jobArgs);
    ProcessResult flink = runScript(dir, "flink-local", JOB_TIMEOUT, "flink-local.sh", args);

    assertEquals(0, flink.exitCode(), "embedded Flink run failed: " + flink.describe());
    assertTrue(flink.stdout().contains("Batch: 0 | status_counts"), "no console table: " + flink.describe());
    assertEquals(summary(direct.stdout()), summary(flink.stdout()), "line counts (Beam metrics) differ");
    assertTrue(summary(flink.stdout()).contains(expectedCount), summary(flink.stdout()));
    assertSameResults(direct.outputPrefix(), prefix);
  }
}
