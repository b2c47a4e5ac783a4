package dev.tributary.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.pipelines.testkit.SinkContents;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The Direct runner's results over the bundled logs (data/logs) in every sink the integration tests compare
 * with: JSON Lines, the embedded H2 database and per-window files. Computed once per test JVM, as every
 * source (a directory, an S3 prefix holding the same two files, a socket serving them) must give them.
 */
final class DirectReference {
  private static Path dir;

  private DirectReference() {}

  /** Runs the Direct job the first time; later calls wait for it or return at once. */
  static synchronized Path dir() {
    if (dir == null) {
      Path run = FlinkTestSupport.workDir("direct-reference");
      // Beam's element checks (immutability, encodability) are for developing transforms; off here, they
      // save a quarter of this run's CPU and change no result.
      InProcessRun.Result result = InProcessRun.run(run, List.of("logs", "--runner=DirectRunner",
          "--input=" + FlinkTestSupport.repoRoot().resolve("data/logs"), "--output=" + run.resolve("out/run"),
          "--jdbcUrl=" + h2(run), "--windowedFiles=" + run.resolve("files/run"),
          "--enforceImmutability=false", "--enforceEncodability=false"));
      assertEquals(0, result.status(), result.describe());
      assertEquals("logs: read 1080 lines: 1076 parsed, 4 rejected", FlinkTestSupport.summary(result.out()));
      assertSinksFilled(run);
      dir = run;
    }
    return dir;
  }

  static Path output() {
    return dir().resolve("out/run");
  }

  /** What every comparison relies on: 9 statuses, 21 windows of 10 endpoints, a file per window. */
  private static void assertSinksFilled(Path run) {
    try (Connection c = DriverManager.getConnection(h2(run))) {
      assertEquals(9, SinkContents.tableRows(c, "status_counts").size());
      assertEquals(210, SinkContents.tableRows(c, "top_endpoints").size());
    } catch (SQLException e) {
      throw new AssertionError("cannot read the Direct run's H2 database", e);
    }
    assertEquals(22, SinkContents.windowedFiles(run.resolve("files")).size(), "21 windows and the status counts");
  }

  static Path files() {
    return dir().resolve("files");
  }

  static String h2() {
    return h2(dir());
  }

  private static String h2(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("db");
  }
}
