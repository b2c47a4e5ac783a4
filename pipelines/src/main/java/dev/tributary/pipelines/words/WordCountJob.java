package dev.tributary.pipelines.words;

import dev.tributary.pipelines.cli.Job;
import dev.tributary.pipelines.common.JobRun;
import dev.tributary.pipelines.common.LineInput;
import java.io.PrintStream;
import org.apache.beam.sdk.Pipeline;

/** {@code tributary word-count}: runs {@link WordCountPipeline}. */
public final class WordCountJob implements Job<WordCountOptions> {
  @Override
  public String name() {
    return "word-count";
  }

  @Override
  public String description() {
    return "Word count over text files or a socket (nc -lk style), in update or complete mode.";
  }

  @Override
  public Class<WordCountOptions> optionsClass() {
    return WordCountOptions.class;
  }

  @Override
  public int run(WordCountOptions options, PrintStream out) {
    Pipeline p = Pipeline.create(options);
    LineInput input = WordCountPipeline.build(p, options);
    JobRun.run(p, name(), input.describe(), input.streaming(), out);
    return 0;
  }
}
