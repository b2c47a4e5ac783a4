package dev.tributary.pipelines.logs;

import dev.tributary.pipelines.cli.Job;
import dev.tributary.pipelines.common.JobRun;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.transforms.common.CounterTotals;
import dev.tributary.transforms.logs.ParseAccessLogs;
import java.io.PrintStream;
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
    LineInput input = LogAnalyticsPipeline.build(p, options);
    PipelineResult result = JobRun.run(p, name(), input.describe(), input.streaming(), out);
    long parsed = CounterTotals.of(result, ParseAccessLogs.NAMESPACE, ParseAccessLogs.PARSED);
    long rejected = CounterTotals.of(result, ParseAccessLogs.NAMESPACE, ParseAccessLogs.REJECTED);
    out.printf("logs: read %d lines: %d parsed, %d rejected%n", parsed + rejected, parsed, rejected);
    return 0;
  }
}
