package dev.tributary.pipelines.common;

import dev.tributary.pipelines.cli.RunnerLimits;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/**
 * Runs a built pipeline the way a user expects from a command: a batch job returns when it is done; a
 * streaming job says what it follows and runs until its input goes quiet (where the job supports it) or
 * Ctrl-C, on every runner.
 */
public final class JobRun {
  private JobRun() {}

  /** Runs {@code p} and waits for it; {@code following} describes the unbounded input, or is null. */
  public static PipelineResult run(Pipeline p, String jobName, String following, boolean streaming, PrintStream out) {
    if (streaming && p.getOptions().getRunner() == DirectRunner.class) {
      // Otherwise the Direct runner's run() would block on the never-ending read.
      p.getOptions().as(DirectOptions.class).setBlockOnRun(false);
    }
    PipelineResult result = p.run();
    if (streaming) {
      out.println(jobName + ": following " + following + "; stop with Ctrl-C");
      boolean spark = RunnerLimits.isSpark(p.getOptions());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(result, jobName, spark, out)));
    }
    result.waitUntilFinish();
    if (streaming && RunnerLimits.isSpark(p.getOptions())) {
      // Spark's streaming waitUntilFinish can return while the streaming context keeps running; the job
      // ends only with the process (Ctrl-C runs the shutdown hook above).
      waitForever();
    }
    return result;
  }

  private static void waitForever() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void stop(PipelineResult result, String jobName, boolean spark, PrintStream out) {
    // Spark stops its streaming context from a shutdown hook of its own; cancelling from ours as well
    // deadlocked the two (the driver was still alive 30 s after SIGTERM, and exits in 3 s without this).
    if (!spark) {
      try {
        result.cancel();
      } catch (Exception | Error e) {
        // Already finished or the runner cannot cancel; the process is exiting either way.
      }
    }
    out.println(jobName + ": stopped");
    out.flush();
  }
}
