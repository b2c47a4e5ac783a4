package dev.tributary.runners.flink;

import dev.tributary.pipelines.cli.Tributary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The {@code tributary} command line run in this JVM ({@code Tributary.run}), on whatever runner its
 * arguments name: the cheapest real way to run a job on embedded Flink. What the pipeline prints from its
 * workers (the console sink on System.out, logs on System.err) goes to {@code console.out} and {@code
 * logs.err} in the run's folder, readable while the job runs. Runs must not overlap: System.out is global.
 */
final class InProcessRun {
  private static final Object ONE_AT_A_TIME = new Object();

  private final Path dir;
  private final CompletableFuture<Result> result;

  /** What a finished run returned and printed: its own streams, and the workers' console and logs. */
  record Result(int status, String out, String err, String console, String logs) {
    String everything() {
      return out + "\n" + err + "\n" + console + "\n" + logs;
    }

    String describe() {
      return "status " + status + "\n--- out ---\n" + FlinkTestSupport.tail(out) + "\n--- err ---\n"
          + FlinkTestSupport.tail(err) + "\n--- logs (tail) ---\n" + FlinkTestSupport.tail(logs);
    }
  }

  private InProcessRun(Path dir, List<String> args) {
    this.dir = dir;
    this.result = CompletableFuture.supplyAsync(() -> run(dir, args));
  }

  /** Starts the command line on another thread. */
  static InProcessRun start(Path dir, List<String> args) {
    return new InProcessRun(dir, args);
  }

  /** Runs the command line to its end. */
  static Result run(Path dir, List<String> args) {
    synchronized (ONE_AT_A_TIME) {
      long start = System.nanoTime();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream systemOut = System.out;
      PrintStream systemErr = System.err;
      int status;
      try (PrintStream console = new PrintStream(dir.resolve("console.out").toFile(), StandardCharsets.UTF_8);
          PrintStream logs = new PrintStream(dir.resolve("logs.err").toFile(), StandardCharsets.UTF_8);
          PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
          PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
        System.setOut(console);
        System.setErr(logs);
        status = Tributary.run(args.toArray(String[]::new), o, e);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      } finally {
        System.setOut(systemOut);
        System.setErr(systemErr);
      }
      System.out.printf("[flink-it] %s %s took %.1f s%n", args.get(0), dir.getFileName(),
          (System.nanoTime() - start) / 1e9);
      return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
          FlinkTestSupport.read(dir.resolve("console.out")), FlinkTestSupport.read(dir.resolve("logs.err")));
    }
  }

  /** What the workers have printed so far. */
  String console() {
    return FlinkTestSupport.read(dir.resolve("console.out"));
  }

  /** Polls the console until {@code test} holds; fails after {@code seconds} or if the run ended first. */
  void awaitConsole(Predicate<String> test, String what, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!test.test(console())) {
      if (result.isDone()) {
        throw new AssertionError("the run ended before " + what + ": " + result.join().describe());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " within " + seconds + " s; console:\n"
            + FlinkTestSupport.tail(console()));
      }
      Thread.sleep(100);
    }
  }

  Result await(int seconds) throws Exception {
    return result.get(seconds, java.util.concurrent.TimeUnit.SECONDS);
  }
}
