package dev.tributary.pipelines.logs;

import dev.tributary.pipelines.cli.Job;
import dev.tributary.pipelines.cli.RunnerLimits;
import dev.tributary.transforms.common.CounterTotals;
import dev.tributary.transforms.logs.ParseAccessLogs;
import java.io.PrintStream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/** {@code tributary logs}: runs {@link LogAnalyticsPipeline} and reports how many lines it read. */
public final class LogAnalyticsJob implements Job<LogAnalyticsOptions> {
  @Override
  public String name() {
    return "logs";
  }

  @Override
  public String description() {
    return "Access-log analytics: running status counts and top endpoints per sliding window.";
  }

  @Override
  public Class<LogAnalyticsOptions> optionsClass() {
    return LogAnalyticsOptions.class;
  }

  @Override
  public int run(LogAnalyticsOptions options, PrintStream out) {
    Pipeline p = Pipeline.create(options);
    boolean streaming = LogAnalyticsPipeline.build(p, options);
    if (streaming && options.getRunner() == DirectRunner.class) {
      // Otherwise the Direct runner's run() would block on the never-ending read.
      options.as(DirectOptions.class).setBlockOnRun(false);
    }
    PipelineResult result = p.run();
    if (streaming) {
      out.println("logs: following " + options.getInput() + "; stop with Ctrl-C");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(result, out)));
    }
    result.waitUntilFinish();
    if (streaming && RunnerLimits.isSpark(options)) {
      // Spark's streaming waitUntilFinish returns while the streaming context keeps running; the job
      // ends only with the process (Ctrl-C runs the shutdown hook above).
      waitForever();
    }
    printSummary(result, out);
    return 0;
  }

  private static void waitForever() {
    try {
      new java.util.concurrent.CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void stop(PipelineResult result, PrintStream out) {
    try {
      result.cancel();
    } catch (Exception | Error e) {
      // Already finished or the runner cannot cancel; the process is exiting either way.
    }
    out.println("logs: stopped");
    out.flush();
  }

  private static void printSummary(PipelineResult result, PrintStream out) {
    long parsed = CounterTotals.of(result, ParseAccessLogs.NAMESPACE, ParseAccessLogs.PARSED);
    long rejected = CounterTotals.of(result, ParseAccessLogs.NAMESPACE, ParseAccessLogs.REJECTED);
    out.printf(
        "logs: read %d lines: %d parsed, %d rejected%n", parsed + rejected, parsed, rejected);
  }
}
