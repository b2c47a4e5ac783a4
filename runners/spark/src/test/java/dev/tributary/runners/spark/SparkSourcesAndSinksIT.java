package dev.tributary.runners.spark;

import static dev.tributary.runners.spark.SinkContents.fileNames;
import static dev.tributary.runners.spark.SinkContents.finalRows;
import static dev.tributary.runners.spark.SinkContents.tableRows;
import static dev.tributary.runners.spark.SinkContents.windowedFiles;
import static dev.tributary.runners.spark.SparkRuns.repoRoot;
import static dev.tributary.runners.spark.SparkRuns.workDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The logs job's sources and sinks on Spark local[2] (the bundled jar through bin/spark-submit.sh), chosen
 * by options alone, each compared exactly with the Direct runner's results on the same logs (in this JVM):
 * an {@code s3://} prefix on a loopback S3 server into the embedded H2 database, per-window files and JSON
 * Lines (batch); and a {@code tcp://} socket fed by {@code serve-lines} into PostgreSQL and per-window files
 * (streaming: watched until the results are complete, then ended by PID). Plus the options Spark's streaming
 * mode refuses, with the message the user gets.
 */
class SparkSourcesAndSinksIT {
  private static final String INPUT = "s3://logs/access/";
  private static final List<String> QUERIES = List.of("status_counts", "top_endpoints");

  private static LoopbackS3 s3;
  private static LocalPostgres postgres;
  private static Path directDir;
  private static Run direct;

  @BeforeAll
  static void startServers() throws Exception {
    s3 = LoopbackS3.start();
    Path logs = repoRoot().resolve("data/logs");
    s3.upload("logs", "access/", List.of(logs.resolve("access-001.log"), logs.resolve("access-002.log")));
    postgres = LocalPostgres.startIfInstalled(repoRoot());
  }

  @AfterAll
  static void stopServers() throws Exception {
    try {
      if (s3 != null) {
        s3.close();
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  @Test
  void s3PrefixIntoH2WindowedFilesAndJsonGivesTheDirectRunnersResults() throws Exception {
    Path dir = workDir("spark-s3");
    List<String> job = new ArrayList<>(List.of("logs"));
    job.addAll(sinks(dir));
    job.addAll(s3.optionsWithoutCredentials());
    job.add("--runner=SparkRunner");
    // Most of a short Spark run is JVM and Spark start-up; the Direct run overlaps with it.
    CompletableFuture<Run> directRun = CompletableFuture.supplyAsync(SparkSourcesAndSinksIT::directReference);
    // The driver finds the key pair where the AWS chain looks: its environment, never its command line.
    // No JSON Lines output here: SparkLocalIT compares those; each sink adds Spark stages, hence time.
    SparkRuns.Result spark = SparkRuns.script(SparkRuns.sparkSubmitCommand(List.of("--master", "local[2]"),
        job.toArray(String[]::new)), dir, Duration.ofMinutes(4), s3.credentialsEnvironment());
    Run sparkRun = new Run(spark.status(), spark.out(), spark.err(), dir.resolve("run"));
    Run direct = directRun.join();

    assertEquals(0, spark.status(), sparkRun.describe());
    assertEquals(0, direct.status(), direct.describe());
    assertEquals("logs: read 1080 lines: 1076 parsed, 4 rejected", sparkRun.summary(), sparkRun.describe());
    assertEquals(direct.summary(), sparkRun.summary());
    try (Connection d = DriverManager.getConnection(h2(directDir)); Connection s = DriverManager.getConnection(h2(dir))) {
      assertEquals(9, tableRows(d, "status_counts").size());
      assertEquals(210, tableRows(d, "top_endpoints").size());
      for (String table : QUERIES) {
        assertEquals(tableRows(d, table), tableRows(s, table), table + " in H2");
      }
    }
    // A bounded run writes each window once: the same file names, the same rows (timing aside).
    assertEquals(22, windowedFiles(directDir.resolve("files")).size(), "21 windows and the status counts");
    assertEquals(fileNames(windowedFiles(directDir.resolve("files"))), fileNames(windowedFiles(dir.resolve("files"))));
    assertEquals(finalRows(windowedFiles(directDir.resolve("files"))), finalRows(windowedFiles(dir.resolve("files"))));
    assertFalse((spark.out() + spark.err()).contains(s3.secret()), "the S3 secret was printed");
    assertFalse(SparkRuns.read(dir.resolve("spark-submit.stdout")).isEmpty());
  }

  @Test
  void socketIntoPostgresAndWindowedFilesReachesTheDirectRunnersResults() throws Exception {
    Assumptions.assumeTrue(postgres != null,
        "no PostgreSQL server binaries (.ci/postgres.sh install); the socket run on Spark needs a database it can read while the job runs");
    Run direct = directReference();
    Path dir = workDir("spark-socket");
    String jdbcUrl = postgres.newSchema("spark_socket");
    Path logs = repoRoot().resolve("data/logs");
    Map<String, List<String>> expectedFiles = finalRows(windowedFiles(directDir.resolve("files")));
    List<List<String>> expectedRows = new ArrayList<>();
    try (Connection d = DriverManager.getConnection(h2(directDir))) {
      for (String table : QUERIES) {
        expectedRows.add(tableRows(d, table));
      }
    }
    assertEquals(0, direct.status(), direct.describe());

    try (ServeLines server = ServeLines.start(List.of(logs.resolve("access-001.log"), logs.resolve("access-002.log")));
        SparkStreamingRun spark = SparkStreamingRun.start(dir, Map.of(), "logs",
            "--input=tcp://127.0.0.1:" + server.port(), "--runner=SparkRunner", "--streaming=true",
            "--updateInterval=1s", "--jdbcUrl=" + jdbcUrl, "--jdbcUser=" + postgres.user(),
            "--jdbcPassword=" + postgres.password(), "--windowedFiles=" + dir.resolve("files/run"))) {
      double seconds = spark.await(() -> {
        try (Connection c = postgres.connect(jdbcUrl)) {
          return tableRows(c, "status_counts").equals(expectedRows.get(0))
              && tableRows(c, "top_endpoints").equals(expectedRows.get(1))
              && finalRows(windowedFiles(dir.resolve("files"))).equals(expectedFiles);
        } catch (java.sql.SQLException notYet) {
          return false; // the tables appear with the first firing
        }
      }, "the Direct runner's rows in PostgreSQL and in the per-window files", Duration.ofMinutes(2));
      assertEquals("serve-lines: sent 1080 lines to 1 client; the input ended", server.awaitSent());
      System.out.printf("[spark-it] socket: complete results %.1f s after submitting; driver %s%n", seconds, spark.stop());
    }
    try (Connection c = postgres.connect(jdbcUrl)) {
      for (int i = 0; i < QUERIES.size(); i++) {
        assertEquals(expectedRows.get(i), tableRows(c, QUERIES.get(i)), QUERIES.get(i) + " in PostgreSQL");
      }
    }
    assertEquals(expectedFiles, finalRows(windowedFiles(dir.resolve("files"))));
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

  /** The Direct runner over the same S3 prefix, into the same kinds of sinks; once per test JVM. */
  private static synchronized Run directReference() {
    if (direct == null) {
      try {
        directDir = workDir("direct-s3");
        List<String> job = new ArrayList<>(List.of("logs"));
        job.addAll(sinks(directDir));
        job.addAll(s3.options());
        direct = SparkRuns.direct("s3", job.toArray(String[]::new));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return direct;
  }

  /** {@code --input=s3://...} into H2 and per-window files under {@code dir}. */
  private static List<String> sinks(Path dir) {
    return List.of("--input=" + INPUT, "--jdbcUrl=" + h2(dir), "--windowedFiles=" + dir.resolve("files/run"));
  }

  private static String h2(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("db");
  }
}
