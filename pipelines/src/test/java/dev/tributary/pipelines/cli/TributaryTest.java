package dev.tributary.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes on the command line give one readable line and exit status 2, never a stack trace. */
class TributaryTest {
  @TempDir Path tmp;

  @Test
  void listsJobsWithDescriptions() {
    Result r = run("list");
    assertEquals(0, r.status);
    // Names are padded to the longest job name, which grows as jobs are added.
    assertTrue(r.out.matches("(?s).*\n  logs +Access-log analytics.*"), r.out);
    assertTrue(r.out.matches("(?s).*\n  generate-logs +Writes realistic Apache access logs.*"), r.out);
  }

  @Test
  void jobHelpExplainsEveryOption() {
    Result r = run("logs", "--help");
    assertEquals(0, r.status);
    for (String option : new String[] {"--input", "--follow", "--timeMode", "--topN", "--windowSize",
        "--windowSlide", "--allowedLateness", "--numRows", "--truncate", "--output"}) {
      assertTrue(r.out.contains(option), option + " missing from:\n" + r.out);
    }
    assertTrue(r.out.contains("Default: data/logs"), r.out);
  }

  @Test
  void unknownJob() {
    Result r = run("nope");
    assertEquals(2, r.status, r.out);
    assertTrue(r.err.startsWith("tributary: unknown job 'nope'; jobs are logs, generate-logs, serve-lines, "), r.err);
    assertEquals(1, r.err.lines().count(), r.err);
  }

  @Test
  void missingInputDirectory() {
    assertOneLineError(
        run("logs", "--input=" + tmp.resolve("absent")),
        "tributary logs: no input files found at --input=" + tmp.resolve("absent")
            + ": no such file or directory");
  }

  @Test
  void globMatchingNothing() {
    assertOneLineError(
        run("logs", "--input=" + tmp.resolve("*.log")),
        "tributary logs: no input files found at --input=" + tmp.resolve("*.log"));
  }

  @Test
  void followNeedsADirectory() {
    assertOneLineError(
        run("logs", "--follow", "--input=" + tmp.resolve("absent")),
        "tributary logs: --follow needs --input to be an existing directory; '" + tmp.resolve("absent")
            + "' is not one");
  }

  @Test
  void badDuration() {
    assertOneLineError(
        run("logs", "--windowSize=30x"),
        "tributary logs: --windowSize=30x is not a duration; write it like 500ms, 30s, 5m, 1h or 1d");
  }

  @Test
  void slideLongerThanWindow() {
    assertOneLineError(
        run("logs", "--windowSize=10s", "--windowSlide=30s"),
        "tributary logs: --windowSlide=30s is longer than --windowSize=10s; requests between windows would be skipped");
  }

  @Test
  void nonNumericTopN() {
    Result r = run("logs", "--topN=many");
    assertEquals(2, r.status);
    assertEquals(1, r.err.lines().count(), r.err);
    assertTrue(r.err.startsWith("tributary logs: "), r.err);
    assertTrue(r.err.contains("topN"), r.err);
  }

  @Test
  void stopAfterIdleWithoutFollow() {
    assertOneLineError(run("logs", "--stopAfterIdle=5s"), "tributary logs: --stopAfterIdle only applies with --follow or a tcp:// input");
  }

  @Test
  void socketInputThatIsNotHostAndPort() {
    assertOneLineError(run("logs", "--input=tcp://localhost"), "tributary logs: --input=tcp://localhost is not tcp://host:port");
  }

  @Test
  void unreachableSocketServer() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    assertOneLineError(
        run("logs", "--input=tcp://127.0.0.1:" + port),
        "tributary logs: cannot connect to 127.0.0.1:" + port + ": Connection refused");
  }

  @Test
  void sparkStreamingCannotStopWhenIdle() {
    Result r = run("logs", "--follow", "--input=" + tmp, "--stopAfterIdle=5s", "--runner=" + StandInSparkRunner.class.getName());
    assertEquals(2, r.status, r.err);
    assertTrue(r.err.startsWith("tributary logs: --stopAfterIdle needs the job to end when its input does; "
        + "the Spark runner's streaming mode never ends a job by itself."), r.err);
  }

  @Test
  void jdbcUrlThatIsNotJdbc() {
    assertOneLineError(run("logs", "--jdbcUrl=postgres://x"), "tributary logs: --jdbcUrl=postgres://x is not a JDBC URL (jdbc:...)");
  }

  @Test
  void zeroTopN() {
    assertOneLineError(run("logs", "--topN=0"), "tributary logs: --topN must be at least 1, got 0");
  }

  @Test
  void unknownTimeMode() {
    Result r = run("logs", "--timeMode=WALLCLOCK");
    assertEquals(2, r.status);
    assertEquals(1, r.err.lines().count(), r.err);
    assertTrue(r.err.contains("WALLCLOCK"), r.err);
  }

  @Test
  void unknownOption() {
    Result r = run("logs", "--windowSise=30s");
    assertEquals(2, r.status);
    assertEquals(1, r.err.lines().count(), r.err);
    assertTrue(r.err.contains("windowSise"), r.err);
  }

  private static void assertOneLineError(Result r, String expected) {
    assertEquals(2, r.status, r.out);
    assertEquals(expected + System.lineSeparator(), r.err);
  }

  record Result(int status, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Tributary.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
