package dev.tributary.runners.flink;

import static dev.tributary.runners.flink.FlinkTestSupport.assertSameResults;
import static dev.tributary.runners.flink.FlinkTestSupport.direct;
import static dev.tributary.runners.flink.FlinkTestSupport.freePort;
import static dev.tributary.runners.flink.FlinkTestSupport.read;
import static dev.tributary.runners.flink.FlinkTestSupport.repoRoot;
import static dev.tributary.runners.flink.FlinkTestSupport.runScript;
import static dev.tributary.runners.flink.FlinkTestSupport.summary;
import static dev.tributary.runners.flink.FlinkTestSupport.workDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tributary.runners.flink.FlinkTestSupport.JobRun;
import dev.tributary.runners.flink.FlinkTestSupport.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A loopback Flink session cluster started by bin/start-cluster.sh (on free ports, so it never meets a
 * cluster on the default ones), the logs job submitted to it by bin/flink-run.sh, results compared with
 * the Direct runner's, and every cluster process stopped by bin/stop-cluster.sh and checked gone.
 */
class FlinkClusterIT {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

  @Test
  void jobSubmittedToSessionClusterMatchesDirect() throws Exception {
    Path logs = repoRoot().resolve("data/logs");
    JobRun direct = direct("logs", List.of("--input=" + logs));

    Path dir = workDir("cluster");
    Path clusterDir = dir.resolve("cluster");
    int restPort = freePort();
    List<ProcessHandle> started = new ArrayList<>();
    try {
      ProcessResult start = runScript(dir, "start-cluster", START_TIMEOUT, "start-cluster.sh", List.of(
          "--dir", clusterDir.toString(),
          "--rest-port", String.valueOf(restPort),
          "--rpc-port", String.valueOf(freePort()),
          "--blob-port", String.valueOf(freePort()),
          "--timeout", "150"));
      started.addAll(recordedProcesses(clusterDir));
      assertEquals(0, start.exitCode(), "start-cluster.sh failed: " + start.describe());
      assertEquals(2, started.size(), "expected a JobManager and a TaskManager in cluster.pids");

      // Absolute paths: the TaskManager reads the input and writes the output.
      Path prefix = dir.resolve("out");
      ProcessResult run = runScript(dir, "flink-run", JOB_TIMEOUT, "flink-run.sh", List.of(
          "-m", "127.0.0.1:" + restPort, "--",
          "logs", "--runner=FlinkRunner", "--input=" + logs, "--output=" + prefix));

      assertEquals(0, run.exitCode(), "flink-run.sh failed: " + run.describe());
      assertTrue(run.stdout().contains("Job has been submitted with JobID"), run.describe());
      assertEquals(summary(direct.stdout()), summary(run.stdout()), "line counts (Beam metrics) differ");
      assertSameResults(direct.outputPrefix(), prefix);
      // The console tables are printed where the job runs: on the TaskManager.
      String taskManagerOut = read(clusterDir.resolve("log/taskmanager.out"));
      assertTrue(taskManagerOut.contains("Batch: 0 | status_counts"), "no tables in taskmanager.out");
    } finally {
      stop(dir, clusterDir, started);
    }
  }

  /** Stops the cluster with the script, then checks that every process it started is gone. */
  private static void stop(Path dir, Path clusterDir, List<ProcessHandle> started) throws InterruptedException {
    if (started.isEmpty()) {
      started.addAll(recordedProcesses(clusterDir));
    }
    double cpuSeconds = started.stream()
        .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0))
        .sum();
    System.out.printf("[flink-it] cluster processes used %.1f s of CPU%n", cpuSeconds);
    ProcessResult stop = runScript(dir, "stop-cluster", Duration.ofMinutes(1), "stop-cluster.sh",
        List.of("--dir", clusterDir.toString()));
    List<ProcessHandle> alive = new ArrayList<>();
    for (ProcessHandle process : started) {
      if (process.isAlive()) {
        alive.add(process);
        process.destroyForcibly(); // only the PIDs the start script recorded for this test
      }
    }
    for (ProcessHandle process : alive) {
      process.onExit().toCompletableFuture().join();
    }
    assertEquals(0, stop.exitCode(), "stop-cluster.sh failed: " + stop.describe());
    if (!alive.isEmpty()) {
      fail("stop-cluster.sh left " + alive.stream().map(ProcessHandle::pid).toList() + " running");
    }
    assertFalse(Files.exists(clusterDir.resolve("cluster.pids")), "cluster.pids left behind");
  }

  /** The processes named in the start script's PID file ("name pid" lines) that exist now. */
  private static List<ProcessHandle> recordedProcesses(Path clusterDir) {
    List<ProcessHandle> processes = new ArrayList<>();
    for (String line : read(clusterDir.resolve("cluster.pids")).split("\n")) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length == 2) {
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(fields[1]));
        process.ifPresent(processes::add);
      }
    }
    return processes;
  }
}
