package dev.tributary.pipelines.words;

import dev.tributary.pipelines.cli.Job;
import dev.tributary.pipelines.common.JobRun;
import dev.tributary.pipelines.common.LineInput;
import java.io.PrintStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/** {@code tributary windowed-word-count}: runs {@link WindowedWordCountPipeline}. */
public final class WindowedWordCountJob implements Job<WindowedWordCountOptions> {
  @Override
  public String name() {
    return "windowed-word-count";
  }

  @Override
  public String description() {
    return "Word counts per sliding window (20 s every 10 s), like reduceByKeyAndWindow.";
  }

  @Override
  public Class<WindowedWordCountOptions> optionsClass() {
    return WindowedWordCountOptions.class;
  }

  @Override
  public int run(WindowedWordCountOptions options, PrintStream out) {
    Pipeline p = Pipeline.create(options);
    LineInput input = WindowedWordCountPipeline.build(p, options);
    PipelineResult result = JobRun.run(p, name(), input.describe(), input.streaming(), out);
    TimedLines.printSummary(result, name(), out);
    return 0;
  }
}
