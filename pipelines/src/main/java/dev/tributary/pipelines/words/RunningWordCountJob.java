package dev.tributary.pipelines.words;

import dev.tributary.pipelines.cli.Job;
import dev.tributary.pipelines.common.JobRun;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.transforms.common.CounterTotals;
import dev.tributary.transforms.words.RunningWordCounts;
import java.io.PrintStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/** {@code tributary running-word-count}: runs {@link RunningWordCountPipeline}. */
public final class RunningWordCountJob implements Job<RunningWordCountOptions> {
  @Override
  public String name() {
    return "running-word-count";
  }

  @Override
  public String description() {
    return "Word totals that persist across batches in state, like updateStateByKey; optional idle expiry.";
  }

  @Override
  public Class<RunningWordCountOptions> optionsClass() {
    return RunningWordCountOptions.class;
  }

  @Override
  public int run(RunningWordCountOptions options, PrintStream out) {
    Pipeline p = Pipeline.create(options);
    LineInput input = RunningWordCountPipeline.build(p, options);
    PipelineResult result = JobRun.run(p, name(), input.describe(), input.streaming(), out);
    if (RunningWordCountPipeline.idleExpiry(options) != null) {
      long expired = CounterTotals.of(result, RunningWordCounts.NAMESPACE, RunningWordCounts.EXPIRED);
      out.printf("%s: forgot %d idle words%n", name(), expired);
    }
    return 0;
  }
}
