package dev.tributary.pipelines.hashtags;

import dev.tributary.pipelines.cli.Job;
import dev.tributary.pipelines.common.JobRun;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.pipelines.words.TimedLines;
import java.io.PrintStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/** {@code tributary trending-hashtags}: runs {@link TrendingHashtagsPipeline}. */
public final class TrendingHashtagsJob implements Job<TrendingHashtagsOptions> {
  @Override
  public String name() {
    return "trending-hashtags";
  }

  @Override
  public String description() {
    return "Top N hashtags per 300 s window every 1 s, at a cost per tweet independent of the overlap.";
  }

  @Override
  public Class<TrendingHashtagsOptions> optionsClass() {
    return TrendingHashtagsOptions.class;
  }

  @Override
  public int run(TrendingHashtagsOptions options, PrintStream out) {
    Pipeline p = Pipeline.create(options);
    LineInput input = TrendingHashtagsPipeline.build(p, options);
    PipelineResult result = JobRun.run(p, name(), input.describe(), input.streaming(), out);
    TimedLines.printSummary(result, name(), out);
    return 0;
  }
}
