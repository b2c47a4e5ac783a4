package dev.tributary.runners.flink;

import static dev.tributary.runners.flink.FlinkTestSupport.repoRoot;
import static dev.tributary.runners.flink.FlinkTestSupport.summary;
import static dev.tributary.runners.flink.FlinkTestSupport.workDir;
import static dev.tributary.runners.flink.SinkContents.fileNames;
import static dev.tributary.runners.flink.SinkContents.finalRows;
import static dev.tributary.runners.flink.SinkContents.tableRows;
import static dev.tributary.runners.flink.SinkContents.windowedFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * each compared exactly with the Direct runner's results on the same logs: an {@code s3://} prefix on a
 * loopback S3 server into the embedded H2 database, per-window files and JSON Lines (batch); and a
 * {@code tcp://} socket fed by {@code serve-lines} into PostgreSQL (or H2 without a PostgreSQL server) and
 * per-window files (streaming, ended by {@code --stopAfterIdle}).
 */
class FlinkSourcesAndSinksIT {
  private static final String INPUT = "s3://logs/access/";
  private static final List<String> QUERIES = List.of("status_counts", "top_endpoints");

  private static LoopbackS3 s3;
  private static LocalPostgres postgres;
  private static Reference direct;

  /** A finished run's sinks. */
  record Reference(InProcessRun.Result run, Path dir) {
    Path output() {
      return dir.resolve("out/run");
    }

    Path files() {
      return dir.resolve("files");
    }

    String h2() {
      return "jdbc:h2:file:" + dir.resolve("db");
    }
  }

  @BeforeAll
  static void startServers() throws Exception {
    s3 = LoopbackS3.start();
    Path logs = repoRoot().resolve("data/logs");
    s3.upload("logs", "access/", List.of(logs.resolve("access-001.log"), logs.resolve("access-002.log")));
    postgres = LocalPostgres.startIfInstalled(repoRoot());
    direct = runBatch("direct-s3", "DirectRunner");
    assertEquals(0, direct.run().status(), direct.run().describe());
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
    Reference flink = runBatch("flink-s3", "FlinkRunner", "--parallelism=2");

    assertEquals(0, flink.run().status(), flink.run().describe());
    assertEquals("logs: read 1080 lines: 1076 parsed, 4 rejected", summary(flink.run().out()));
    FlinkTestSupport.assertSameResults(direct.output(), flink.output());
    try (Connection d = DriverManager.getConnection(direct.h2()); Connection f = DriverManager.getConnection(flink.h2())) {
      assertEquals(9, tableRows(d, "status_counts").size());
      assertEquals(210, tableRows(d, "top_endpoints").size());
      for (String table : QUERIES) {
        assertEquals(tableRows(d, table), tableRows(f, table), table + " in H2");
      }
    }
    // A bounded run writes each window once: the same file names, the same rows (timing aside).
    assertEquals(22, windowedFiles(direct.files()).size(), "21 windows and the status counts");
    assertEquals(fileNames(windowedFiles(direct.files())), fileNames(windowedFiles(flink.files())));
    assertEquals(finalRows(windowedFiles(direct.files())), finalRows(windowedFiles(flink.files())));
    assertNoSecret(flink.run());
  }

  @Test
  void socketIntoDatabaseAndWindowedFilesGivesTheDirectRunnersResults() throws Exception {
    Path dir = workDir("flink-socket");
    Path logs = repoRoot().resolve("data/logs");
    String jdbcUrl = postgres != null ? postgres.newSchema("flink_socket") : "jdbc:h2:file:" + dir.resolve("db");
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
    try (Connection d = DriverManager.getConnection(direct.h2());
        Connection f = postgres != null ? postgres.connect(jdbcUrl) : DriverManager.getConnection(jdbcUrl)) {
      for (String table : QUERIES) {
        assertEquals(tableRows(d, table), tableRows(f, table), table + " in " + jdbcUrl.replaceAll("\\?.*", ""));
      }
    }
    // Windows fire early (every second) and on time; each window's last file holds its final ranking.
    Map<String, List<String>> expected = finalRows(windowedFiles(direct.files()));
    assertEquals(expected, finalRows(windowedFiles(dir.resolve("files"))));
    System.out.println("[flink-it] socket run wrote to " + (postgres != null ? "PostgreSQL" : "H2 (no PostgreSQL)"));
  }

  /** The logs job over the S3 prefix in batch, into H2, per-window files and JSON Lines. */
  private static Reference runBatch(String name, String runner, String... extra) {
    Path dir = workDir(name);
    Reference ref = new Reference(null, dir);
    List<String> args = new ArrayList<>(List.of("logs", "--runner=" + runner, "--input=" + INPUT,
        "--jdbcUrl=" + ref.h2(), "--windowedFiles=" + ref.files().resolve("run"), "--output=" + ref.output()));
    args.addAll(List.of(extra));
    args.addAll(s3.options());
    return new Reference(InProcessRun.run(dir, args), dir);
  }

  private static void assertNoSecret(InProcessRun.Result run) {
    assertFalse(run.everything().contains(s3.secret()), "the S3 secret was printed");
    assertTrue(run.everything().contains("status_counts"), "captured nothing?");
  }
}
