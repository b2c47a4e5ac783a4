package dev.tributary.runners.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A streaming job submitted with {@code bin/spark-submit.sh} in a child process. Spark's streaming mode
 * never ends a job by itself (and the job refuses {@code --stopAfterIdle} there), so a test watches what the
 * job writes until the expected results are there, then ends the process it started, by its PID (the
 * script execs the driver JVM, so the child is the driver).
 */
final class SparkStreamingRun implements AutoCloseable {
  /** How long SIGTERM gets before SIGKILL. */
  private static final Duration GRACE = Duration.ofSeconds(3);

  private final Process process;
  private final Path stdout;
  private final Path stderr;
  private final long started = System.nanoTime();

  private SparkStreamingRun(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
    // A test JVM stopped before close() (a killed build) must not leave the driver running.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
  }

  /**
   * Submits {@code jobArgs} to Spark local[2], with {@code env} added to the driver's environment and the
   * streaming checkpoints in {@code dir} (Beam's default is a new folder under /tmp per run).
   */
  static SparkStreamingRun start(Path dir, Map<String, String> env, String... jobArgs) throws IOException {
    String[] args = java.util.Arrays.copyOf(jobArgs, jobArgs.length + 1);
    args[jobArgs.length] = "--checkpointDir=" + dir.resolve("checkpoint");
    List<String> command = SparkRuns.sparkSubmitCommand(List.of("--master", "local[2]"), args);
    ProcessBuilder builder = SparkRuns.scriptProcess(command, dir, env);
    Process process = builder.start();
    return new SparkStreamingRun(process, builder.redirectOutput().file().toPath(),
        builder.redirectError().file().toPath());
  }

  long pid() {
    return process.pid();
  }

  String stdout() throws IOException {
    return SparkRuns.read(stdout);
  }

  /**
   * Polls {@code done} every half second until it is true; fails if the job exits first or after {@code
   * timeout}. Returns the seconds since the submission.
   */
  double await(Callable<Boolean> done, String what, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.call()) {
      if (!process.isAlive()) {
        throw new AssertionError("the Spark job exited (status " + process.exitValue() + ") before " + what
            + "\n" + describe());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " within " + timeout + "\n" + describe());
      }
      Thread.sleep(500);
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /**
   * Ends the driver: SIGTERM (what Ctrl-C or a scheduler sends), then SIGKILL after {@link #GRACE}, and
   * whatever it started. Returns how it ended, for the test's report.
   */
  String stop() throws InterruptedException {
    if (!process.isAlive()) {
      return "had already exited with status " + process.exitValue();
    }
    List<ProcessHandle> children = process.descendants().toList();
    String cpu = process.info().totalCpuDuration().map(d -> String.format("%.1f s CPU", d.toMillis() / 1e3)).orElse("");
    process.destroy();
    String how;
    if (process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
      how = "ended by SIGTERM (status " + process.exitValue() + "), after " + cpu;
    } else {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      how = "still running " + GRACE.toSeconds() + " s after SIGTERM; ended by SIGKILL, after " + cpu;
    }
    children.forEach(ProcessHandle::destroyForcibly);
    if (process.isAlive()) {
      throw new AssertionError("driver PID " + process.pid() + " still runs after SIGKILL");
    }
    return how;
  }

  String describe() throws IOException {
    return "--- stdout (tail) ---\n" + SparkRuns.tail(SparkRuns.read(stdout)) + "\n--- stderr (tail) ---\n"
        + SparkRuns.tail(SparkRuns.read(stderr));
  }

  /** Makes sure the driver is gone, whatever happened to the test. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
