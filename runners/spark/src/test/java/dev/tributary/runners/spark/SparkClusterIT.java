package dev.tributary.runners.spark;

import static dev.tributary.runners.spark.SparkRuns.SPARK_BATCH_TIMINGS;
import static dev.tributary.runners.spark.SparkRuns.assertSameResults;
import static dev.tributary.runners.spark.SparkRuns.direct;
import static dev.tributary.runners.spark.SparkRuns.freePort;
import static dev.tributary.runners.spark.SparkRuns.moduleDir;
import static dev.tributary.runners.spark.SparkRuns.repoRoot;
import static dev.tributary.runners.spark.SparkRuns.script;
import static dev.tributary.runners.spark.SparkRuns.sparkSubmit;
import static dev.tributary.runners.spark.SparkRuns.workDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.runners.spark.SparkRuns.Result;
import dev.tributary.runners.spark.SparkRuns.Run;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A standalone Master and Worker on 127.0.0.1, started and stopped with bin/start-cluster.sh and
 * bin/stop-cluster.sh on free ports and their own state folder, run the bundled job submitted with
 * bin/spark-submit.sh --master spark://127.0.0.1:PORT, with the Direct runner's results.
 */
class SparkClusterIT {
  @Test
  void standaloneClusterGivesTheDirectRunnersResults() throws Exception {
    Path clusterDir = workDir("cluster");
    int masterPort = freePort();
    List<String> start = List.of(
        moduleDir().resolve("bin/start-cluster.sh").toString(),
        "--dir", clusterDir.toString(),
        "--master-port", Integer.toString(masterPort),
        "--master-webui-port", Integer.toString(freePort()),
        "--worker-webui-port", Integer.toString(freePort()),
        "--cores", "2", "--memory", "2g");
    List<Long> pids = new ArrayList<>();
    Throwable failure = null;
    try {
      Result started = script(start, clusterDir.resolve("scripts"), Duration.ofMinutes(3));
      pids.addAll(recordedPids(clusterDir));
      assertEquals(0, started.status(), started.err() + logs(clusterDir));
      assertEquals("spark://127.0.0.1:" + masterPort, started.out().trim());
      assertEquals(2, pids.size(), "master and worker PIDs: " + pids);

      String[] job = {"logs", "--input=" + repoRoot().resolve("data/logs")};
      Run direct = direct("sample", job);
      Run spark = sparkSubmit("sample-cluster", List.of("--master", "spark://127.0.0.1:" + masterPort),
          SparkLocalIT.withSparkRunner(job));

      assertEquals(0, spark.status(), spark.describe() + logs(clusterDir));
      assertSameResults(direct, spark, SPARK_BATCH_TIMINGS);
      assertEquals("logs: read 1080 lines: 1076 parsed, 4 rejected", spark.summary(), spark.describe());
      // The job ran in the Worker's executor, not in the driver: its console tables are in the executor's log.
      List<Path> executorOut;
      try (var files = Files.find(clusterDir.resolve("work"), 3,
          (p, a) -> p.getFileName().toString().equals("stdout") && p.toString().contains("/app-"))) {
        executorOut = files.collect(Collectors.toList());
      }
      assertEquals(1, executorOut.size(), "executor stdout files: " + executorOut);
      assertTrue(Files.readString(executorOut.get(0)).contains("|   200|  855|"));
    } catch (Throwable t) {
      failure = t;
      throw t;
    } finally {
      AssertionError cleanup = stopAndCheck(clusterDir, masterPort, pids);
      if (cleanup != null) {
        if (failure == null) {
          throw cleanup;
        }
        failure.addSuppressed(cleanup);
      }
    }
  }

  /** Stops the cluster with stop-cluster.sh; returns what is wrong afterwards, or null. */
  private static AssertionError stopAndCheck(Path clusterDir, int masterPort, List<Long> recorded) {
    try {
      List<Long> pids = new ArrayList<>(recorded.isEmpty() ? recordedPids(clusterDir) : recorded);
      // The Worker's children are the executors it launched; they must go too.
      for (long pid : List.copyOf(pids)) {
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
      }
      Result stopped = script(
          List.of(moduleDir().resolve("bin/stop-cluster.sh").toString(), "--dir", clusterDir.toString()),
          clusterDir.resolve("scripts"), Duration.ofMinutes(1));
      if (stopped.status() != 0) {
        return new AssertionError("stop-cluster.sh failed: " + stopped.err());
      }
      if (!waitGone(pids, Duration.ofSeconds(15))) {
        return new AssertionError("still running after stop-cluster.sh: "
            + pids.stream().filter(SparkRuns::alive).toList());
      }
      if (Files.exists(clusterDir.resolve("pids"))) {
        return new AssertionError("stop-cluster.sh left " + clusterDir.resolve("pids"));
      }
      if (listening(masterPort)) {
        return new AssertionError("something still listens on the master port " + masterPort);
      }
      // Each application's work folder holds a copy of the bundled jar (over 100 MB); the logs stay.
      try (var copies = Files.find(clusterDir.resolve("work"), 3, (p, a) -> p.toString().endsWith(".jar"))) {
        for (Path copy : copies.toList()) {
          Files.deleteIfExists(copy);
        }
      }
      return null;
    } catch (IOException | InterruptedException e) {
      return new AssertionError("stopping the cluster failed", e);
    }
  }

  private static List<Long> recordedPids(Path clusterDir) throws IOException {
    Path file = clusterDir.resolve("pids");
    if (!Files.exists(file)) {
      return List.of();
    }
    return Files.readAllLines(file).stream()
        .filter(l -> !l.isBlank())
        .map(l -> Long.parseLong(l.trim().split("\\s+")[1]))
        .toList();
  }

  private static boolean waitGone(List<Long> pids, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (pids.stream().anyMatch(SparkRuns::alive)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(200);
    }
    return true;
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String logs(Path clusterDir) throws IOException {
    return "\n--- master.log ---\n" + SparkRuns.tail(SparkRuns.read(clusterDir.resolve("master.log")))
        + "\n--- worker.log ---\n" + SparkRuns.tail(SparkRuns.read(clusterDir.resolve("worker.log")));
  }
}
