package dev.tributary.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.pipelines.testkit.SinkContents;
import java.nio.file.Path;
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
          "--jdbcUrl=" + SinkContents.h2Url(run), "--windowedFiles=" + run.resolve("files/run"),
          "--enforceImmutability=false", "--enforceEncodability=false"));
      assertEquals(0, result.status(), result.describe());
      assertEquals("logs: read 1080 lines: 1076 parsed, 4 rejected", FlinkTestSupport.summary(result.out()));
      SinkContents.assertBundledLogsSinksFilled(run);
      dir = run;
    }
    return dir;
  }

  static Path output() {
    return dir().resolve("out/run");
  }

  static Path files() {
    return dir().resolve("files");
  }

  static String h2() {
    return SinkContents.h2Url(dir());
  }
}
