package dev.tributary.pipelines.filters;

import dev.tributary.pipelines.cli.Job;
import dev.tributary.pipelines.common.JobRun;
import dev.tributary.pipelines.common.LineInput;
import java.io.PrintStream;
import org.apache.beam.sdk.Pipeline;

/** {@code tributary filter-lines}: runs {@link FilterLinesPipeline}. */
public final class FilterLinesJob implements Job<FilterLinesOptions> {
  @Override
  public String name() {
    return "filter-lines";
  }

  @Override
  public String description() {
    return "Lines containing a text (default \"error\") and/or longer than N characters; no aggregation.";
  }

  @Override
  public Class<FilterLinesOptions> optionsClass() {
    return FilterLinesOptions.class;
  }

  @Override
  public int run(FilterLinesOptions options, PrintStream out) {
    Pipeline p = Pipeline.create(options);
    LineInput input = FilterLinesPipeline.build(p, options);
    JobRun.run(p, name(), input.describe(), input.streaming(), out);
    return 0;
  }
}
