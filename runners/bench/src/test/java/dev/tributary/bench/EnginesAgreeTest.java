package dev.tributary.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.bench.engines.BeamLogJob;
import dev.tributary.bench.engines.PlainLoopJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's correctness check in small: the reference loop and the Beam job on the Direct runner (its
 * checks on) give the same result lines for a generated file. The other engines are compared by the
 * benchmark itself, on every run.
 */
class EnginesAgreeTest {
  @Test
  void directRunnerMatchesThePlainLoop(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("in").resolve("access.log");
    LogFileGenerator.write(input, 11, 3_000, 0.1);

    PlainLoopJob loop = new PlainLoopJob();
    loop.run(input, dir.resolve("loop"));
    List<String> expected = sorted(loop.results(dir.resolve("loop")));

    Path scratch = Files.createDirectories(dir.resolve("direct"));
    BeamLogJob direct = new BeamLogJob("--runner=DirectRunner");
    direct.run(input, scratch);
    List<String> actual = sorted(direct.results(scratch));

    assertEquals(List.of(), ResultLines.differences(expected, actual, 10));
    // Every line is either a counted response or a rejected line; 6 minutes of requests give ~38 windows.
    assertEquals(3_000, sumOf(expected, "status", 2) + sumOf(expected, "rejected", 1));
    assertTrue(ResultLines.summary(expected).matches("3[6-9] windows ranked.*"), ResultLines.summary(expected));
  }

  private static long sumOf(List<String> lines, String kind, int field) {
    return lines.stream()
        .filter(l -> l.startsWith(kind + "\t"))
        .mapToLong(l -> Long.parseLong(l.split("\t")[field]))
        .sum();
  }

  private static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    copy.sort(null);
    return copy;
  }
}
