package dev.tributary.runners.flink;

import static dev.tributary.pipelines.testkit.SinkContents.fileNames;
import static dev.tributary.pipelines.testkit.SinkContents.finalRows;
import static dev.tributary.pipelines.testkit.SinkContents.tableRows;
import static dev.tributary.pipelines.testkit.SinkContents.windowedFiles;
import static dev.tributary.runners.flink.FlinkTestSupport.repoRoot;
import static dev.tributary.runners.flink.FlinkTestSupport.summary;
import static dev.tributary.runners.flink.FlinkTestSupport.workDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tributary.pipelines.testkit.LocalPostgres;
import dev.tributary.pipelines.testkit.LogsServers;
import dev.tributary.pipelines.testkit.LoopbackS3;
import dev.tributary.pipelines.testkit.ServeLines;
import dev.tributary.pipelines.testkit.SinkContents;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The logs job's sources and sinks on embedded Flink (parallelism 2, in this JVM), chosen by options alone,
 * each compared exactly with the Direct runner's results on the same logs ({@link DirectReference}): an
 * {@code s3://} prefix on a loopback S3 server into the embedded H2 database, per-window files and JSON
 * Lines (batch); and a {@code tcp://} socket fed by {@code serve-lines} into PostgreSQL (or H2 without a
 * PostgreSQL server) and per-window files (streaming, ended by {@code --stopAfterIdle}).
 */
class FlinkSourcesAndSinksIT {
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
  void s3PrefixIntoH2WindowedFilesAndJsonGivesTheDirectRunnersResults() throws Exception {
    Path dir = workDir("flink-s3");
    List<String> args = new ArrayList<>(List.of("logs", "--runner=FlinkRunner", "--parallelism=2", "--input=" + INPUT,
        "--jdbcUrl=" + SinkContents.h2Url(dir), "--windowedFiles=" + dir.resolve("files/run"), "--output=" + dir.resolve("out/run")));
    args.addAll(s3.options());
    InProcessRun.Result run = InProcessRun.run(dir, args);

    assertEquals(0, run.status(), run.describe());
    assertEquals("logs: read 1080 lines: 1076 parsed, 4 rejected", summary(run.out()));
    FlinkTestSupport.assertSameResults(DirectReference.output(), dir.resolve("out/run"));
    try (Connection d = DriverManager.getConnection(DirectReference.h2());
        Connection f = DriverManager.getConnection(SinkContents.h2Url(dir))) {
      for (String table : QUERIES) {
        assertEquals(tableRows(d, table), tableRows(f, table), table + " in H2");
      }
    }
    // A bounded run writes each window once: the same file names, the same rows (timing aside).
    List<Path> expected = windowedFiles(DirectReference.files());
    assertEquals(fileNames(expected), fileNames(windowedFiles(dir.resolve("files"))));
    assertEquals(finalRows(expected), finalRows(windowedFiles(dir.resolve("files"))));
    assertFalse(run.everything().contains(s3.secret()), "the S3 secret was printed");
  }

  @Test
  void socketIntoDatabaseAndWindowedFilesGivesTheDirectRunnersResults() throws Exception {
    postgres = servers.postgres();
    Path dir = workDir("flink-socket");
    Path logs = repoRoot().resolve("data/logs");
    String jdbcUrl = postgres != null ? postgres.newSchema("flink_socket") : SinkContents.h2Url(dir);
    List<String> args = new ArrayList<>(List.of("logs", "--runner=FlinkRunner", "--parallelism=2", "--streaming=true",
        "--stopAfterIdle=3s", "--updateInterval=1s", "--jdbcUrl=" + jdbcUrl, "--windowedFiles=" + dir.resolve("files/run")));
    if (postgres != null) {
      args.add("--jdbcUser=" + postgres.user());
      args.add("--jdbcPassword=" + postgres.password());
    }
    InProcessRun.Result run;
    try (ServeLines server = ServeLines.start(List.of(logs.resolve("access-001.log"), logs.resolve("access-002.log")))) {
      args.add(2, "--input=tcp://127.0.0.1:" + server.port());
      run = InProcessRun.run(dir, args);
      assertEquals("serve-lines: sent 1080 lines to 1 client; the input ended", server.awaitSent());
    }

    assertEquals(0, run.status(), run.describe());
    assertEquals("logs: read 1080 lines: 1076 parsed, 4 rejected", summary(run.out()));
    try (Connection d = DriverManager.getConnection(DirectReference.h2());
        Connection f = postgres != null ? postgres.connect(jdbcUrl) : DriverManager.getConnection(jdbcUrl)) {
      for (String table : QUERIES) {
        assertEquals(tableRows(d, table), tableRows(f, table), table + " in " + jdbcUrl.replaceAll("\\?.*", ""));
      }
    }
    // Windows fire early (every second) and on time; each window's last file holds its final ranking.
    Map<String, List<String>> expected = finalRows(windowedFiles(DirectReference.files()));
    assertEquals(expected, finalRows(windowedFiles(dir.resolve("files"))));
    System.out.println("[flink-it] socket run wrote to " + (postgres != null ? "PostgreSQL" : "H2 (no PostgreSQL)"));
  }
}
