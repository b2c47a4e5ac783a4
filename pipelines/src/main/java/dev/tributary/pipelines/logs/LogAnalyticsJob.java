package dev.tributary.pipelines.logs;

import dev.tributary.pipelines.cli.Job;
import dev.tributary.transforms.logs.ParseAccessLogs;
import java.io.PrintStream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

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
    LogAnalyticsPipeline.build(p, options);
    if (options.getFollow() && options.getRunner() == DirectRunner.class) {
      // Otherwise the Direct runner's run() would block on the never-ending read.
      options.as(DirectOptions.class).setBlockOnRun(false);
    }
    PipelineResult result = p.run();
    if (options.getFollow()) {
      out.println("logs: following " + options.getInput() + "; stop with Ctrl-C");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(result, out)));
    }
    result.waitUntilFinish();
    printSummary(result, out);
    return 0;
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
    long parsed = counter(result, ParseAccessLogs.PARSED);
    long rejected = counter(result, ParseAccessLogs.REJECTED);
    out.printf(
        "logs: read %d lines: %d parsed, %d rejected%n", parsed + rejected, parsed, rejected);
  }

  private static long counter(PipelineResult result, String name) {
    MetricQueryResults metrics =
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(ParseAccessLogs.NAMESPACE, name))
                    .build());
    long total = 0;
    for (MetricResult<Long> counter : metrics.getCounters()) {
      total += counter.getAttempted();
    }
    return total;
  }
}
