package dev.tributary.runners.spark;

import static dev.tributary.pipelines.testkit.SinkContents.fileNames;
import static dev.tributary.pipelines.testkit.SinkContents.finalRows;
import static dev.tributary.pipelines.testkit.SinkContents.tableRows;
import static dev.tributary.pipelines.testkit.SinkContents.windowedFiles;
import static dev.tributary.runners.spark.SparkRuns.repoRoot;
import static dev.tributary.runners.spark.SparkRuns.workDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tributary.pipelines.testkit.LocalPostgres;
import dev.tributary.pipelines.testkit.LogsServers;
import dev.tributary.pipelines.testkit.LoopbackS3;
import dev.tributary.pipelines.testkit.ServeLines;
import dev.tributary.pipelines.testkit.SinkContents;
import dev.tributary.runners.spark.SparkRuns.Run;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The logs job's sources and sinks on Spark local[2] (the bundled jar through bin/spark-submit.sh), chosen
 * by options alone, each compared exactly with the Direct runner's results on the same logs (in this JVM,
 * {@link DirectReference}): an {@code s3://} prefix on a loopback S3 server into the embedded H2 database
 * and per-window files (batch); and a {@code tcp://} socket fed by {@code serve-lines} into PostgreSQL and
 * per-window files (streaming: watched until the results are complete, then ended by PID). Plus the options
 * Spark's streaming mode refuses, with the message the user gets.
 */
class SparkSourcesAndSinksIT {
  private static final String INPUT = LogsServers.LOGS_PREFIX;
  private static final List<String> QUERIES = List.of("status_counts", "top_endpoints");

  private static LogsServers servers;
  private static LoopbackS3 s3;
  private static LocalPostgres postgres;

  @BeforeAll
  static void startServers() throws Exception {
    servers = LogsServers.start(repoRoot());
    s3 = servers.s3();
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (servers != null) {
      servers.close();
    }
  }

  @Test
  void s3PrefixIntoH2AndWindowedFilesGivesTheDirectRunnersResults() throws Exception {
    Path dir = workDir("spark-s3");
    List<String> job = new ArrayList<>(List.of("logs", "--input=" + INPUT, "--jdbcUrl=" + SinkContents.h2Url(dir),
        "--windowedFiles=" + dir.resolve("files/run"), "--runner=SparkRunner"));
    job.addAll(s3.optionsWithoutCredentials());
    // Most of a short Spark run is JVM and Spark start-up; the Direct run overlaps with it.
    CompletableFuture<Path> direct = CompletableFuture.supplyAsync(DirectReference::dir);
    // The driver finds the key pair where the AWS chain looks: its environment, never its command line.
    // No JSON Lines here: SparkLocalIT compares those, and every sink adds Spark stages, hence time.
    SparkRuns.Result spark = SparkRuns.script(SparkRuns.sparkSubmitCommand(List.of("--master", "local[2]"),
        job.toArray(String[]::new)), dir, Duration.ofMinutes(4), s3.credentialsEnvironment());
    Run sparkRun = new Run(spark.status(), spark.out(), spark.err(), dir.resolve("run"));
    direct.join();

    assertEquals(0, spark.status(), sparkRun.describe());
    assertEquals("logs: read 1080 lines: 1076 parsed, 4 rejected", sparkRun.summary(), sparkRun.describe());
    try (Connection d = DriverManager.getConnection(DirectReference.h2());
        Connection s = DriverManager.getConnection(SinkContents.h2Url(dir))) {
      for (String table : QUERIES) {
        assertEquals(tableRows(d, table), tableRows(s, table), table + " in H2");
      }
    }
    // A bounded run writes each window once: the same file names, the same rows (timing aside).
    List<Path> expected = windowedFiles(DirectReference.files());
    assertEquals(fileNames(expected), fileNames(windowedFiles(dir.resolve("files"))));
    assertEquals(finalRows(expected), finalRows(windowedFiles(dir.resolve("files"))));
    assertFalse((spark.out() + spark.err()).contains(s3.secret()), "the S3 secret was printed");
  }

  /**
   * Without a PostgreSQL server (.ci/postgres.sh finds no binaries) the socket run still checks the files;
   * an embedded H2 database could not be read while the never-ending job holds it.
   */
  @Test
  void socketIntoPostgresAndWindowedFilesReachesTheDirectRunnersResults() throws Exception {
    postgres = servers.postgres();
    Path dir = workDir("spark-socket");
    Path logs = repoRoot().resolve("data/logs");
    Map<String, List<String>> expectedFiles = finalRows(windowedFiles(DirectReference.files()));
    List<List<String>> expectedRows = new ArrayList<>();
    try (Connection d = DriverManager.getConnection(DirectReference.h2())) {
      for (String table : QUERIES) {
        expectedRows.add(tableRows(d, table));
      }
    }
    String jdbcUrl = postgres != null ? postgres.newSchema("spark_socket") : null;
    List<String> job = new ArrayList<>(List.of("logs", "--runner=SparkRunner", "--streaming=true",
        "--updateInterval=1s", "--windowedFiles=" + dir.resolve("files/run")));
    if (jdbcUrl != null) {
      job.addAll(List.of("--jdbcUrl=" + jdbcUrl, "--jdbcUser=" + postgres.user(), "--jdbcPassword=" + postgres.password()));
    }

    try (ServeLines server = ServeLines.start(List.of(logs.resolve("access-001.log"), logs.resolve("access-002.log")))) {
      job.add(1, "--input=tcp://127.0.0.1:" + server.port());
      try (SparkStreamingRun spark = SparkStreamingRun.start(dir, Map.of(), job.toArray(String[]::new))) {
        double seconds = spark.await(
            () -> finalRows(windowedFiles(dir.resolve("files"))).equals(expectedFiles)
                && (jdbcUrl == null || databaseRows(jdbcUrl).equals(expectedRows)),
            "the Direct runner's rows in the per-window files and in PostgreSQL", Duration.ofMinutes(2));
        assertEquals("serve-lines: sent 1080 lines to 1 client; the input ended", server.awaitSent());
        System.out.printf("[spark-it] socket: complete results %.1f s after submitting; driver %s%n",
            seconds, spark.stop());
      }
    }
    assertEquals(expectedFiles, finalRows(windowedFiles(dir.resolve("files"))));
    if (jdbcUrl != null) {
      assertEquals(expectedRows, databaseRows(jdbcUrl), "rows in PostgreSQL");
    } else {
      System.out.println("[spark-it] socket: no PostgreSQL server binaries (.ci/postgres.sh install); database not checked");
    }
  }

  /** The rows of each result table in PostgreSQL; none yet while the job has not created the tables. */
  private static List<List<String>> databaseRows(String jdbcUrl) throws java.sql.SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = postgres.connect(jdbcUrl)) {
      for (String table : QUERIES) {
        rows.add(tableRows(c, table));
      }
    } catch (java.sql.SQLException e) {
      if (!"42P01".equals(e.getSQLState())) { // undefined_table: the first firing creates them
        throw e;
      }
    }
    return rows;
  }

  @Test
  void streamingOptionsSparkCannotHonourAreRefusedAtStart() throws Exception {
    String input = "--input=" + repoRoot().resolve("data/logs");
    // Both submissions at once: each is a driver JVM that stops before starting Spark.
    CompletableFuture<SparkRuns.Result> idle = submitAsync("refuse-idle",
        "logs", "--follow", input, "--runner=SparkRunner", "--streaming=true", "--stopAfterIdle=5s");
    CompletableFuture<SparkRuns.Result> output = submitAsync("refuse-output",
        "logs", "--follow", input, "--runner=SparkRunner", "--streaming=true",
        "--output=" + workDir("never").resolve("run"));

    assertEquals(2, idle.join().status(), idle.join().err());
    assertEquals(List.of("tributary logs: --stopAfterIdle needs the job to end when its input does; the Spark runner's "
        + "streaming mode never ends a job by itself. Stop it with Ctrl-C, or use --runner=FlinkRunner or "
        + "DirectRunner"), messages(idle.join()));
    assertEquals(2, output.join().status(), output.join().err());
    assertEquals(List.of("tributary logs: --output in streaming mode loses the final panes on the Spark runner (they "
        + "arrive late at the flush's grouping); use the console or --jdbcUrl, or --runner=FlinkRunner or "
        + "DirectRunner"), messages(output.join()));
  }

  /** The lines tributary printed on stderr, without Spark's log lines. */
  private static List<String> messages(SparkRuns.Result result) {
    return result.err().lines().filter(l -> l.startsWith("tributary")).toList();
  }

  private static CompletableFuture<SparkRuns.Result> submitAsync(String name, String... jobArgs) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return SparkRuns.script(SparkRuns.sparkSubmitCommand(List.of("--master", "local[2]"), jobArgs),
            workDir(name), Duration.ofMinutes(2), Map.of());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
