package dev.tributary.runners.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.pipelines.testkit.SinkContents;
import dev.tributary.runners.spark.SparkRuns.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
      try {
        Path run = SparkRuns.workDir("direct-reference");
        // Beam's element checks (immutability, encodability) are for developing transforms; off here, they
        // save a quarter of this run's CPU and change no result.
        Run result = SparkRuns.direct("reference", "logs", "--input=" + SparkRuns.repoRoot().resolve("data/logs"),
            "--jdbcUrl=" + SinkContents.h2Url(run), "--windowedFiles=" + run.resolve("files/run"),
            "--enforceImmutability=false", "--enforceEncodability=false");
        assertEquals(0, result.status(), result.describe());
        assertEquals("logs: read 1080 lines: 1076 parsed, 4 rejected", result.summary());
        SinkContents.assertBundledLogsSinksFilled(run);
        dir = run;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  static Path files() {
    return dir().resolve("files");
  }

  static String h2() {
    return SinkContents.h2Url(dir());
  }
}
