package dev.tributary.pipelines.words;

import dev.tributary.io.s3.TributaryS3;
import dev.tributary.pipelines.common.Aggregation;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.pipelines.common.ResultSinks;
import dev.tributary.transforms.common.Durations;
import dev.tributary.transforms.logs.TimeMode;
import dev.tributary.transforms.table.TabulateFirings;
import dev.tributary.transforms.words.WindowedWordCounts;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * The {@code windowed-word-count} job, the seeds' {@code reduceByKeyAndWindow}: words counted per sliding
 * window, 20 s every 10 s by default, shown per window in the chosen output mode.
 *
 * <p>Windows need a clock, see {@link TimedInput}: files in event time (bundled sample: lines start with
 * their time), sockets in processing time. On files the default trigger fires once per window, when the
 * input is used up, so every runner shows one table per window.
 */
public final class WindowedWordCountPipeline {
  /** The bundled timestamped sample, relative to the repository root. */
  static final String DEFAULT_INPUT = "data/words/timed";

  static final String DEFAULT_WINDOW_SIZE = "20s";
  static final String DEFAULT_WINDOW_SLIDE = "10s";
  static final String WINDOWED_WORD_COUNTS = "windowed_word_counts";
  static final String REJECTED_LINES = "rejected_lines";

  private WindowedWordCountPipeline() {}

  /**
   * Adds the job to {@code p}; a bad option throws {@link IllegalArgumentException} with a message fit to
   * show the user.
   *
   * @return the input, which says whether the job is streaming
   */
  public static LineInput build(Pipeline p, WindowedWordCountOptions options) {
    TributaryS3.configure(options);
    FileSystems.setDefaultPipelineOptions(options);
    String inputOption = options.getInput() == null ? DEFAULT_INPUT : options.getInput();
    String sizeOption = options.getWindowSize() == null ? DEFAULT_WINDOW_SIZE : options.getWindowSize();
    String slideOption = options.getWindowSlide() == null ? DEFAULT_WINDOW_SLIDE : options.getWindowSlide();
    Duration size = Durations.parsePositive("windowSize", sizeOption);
    Duration slide = Durations.parsePositive("windowSlide", slideOption);
    if (slide.isLongerThan(size)) {
      throw new IllegalArgumentException(
          "--windowSlide=" + slideOption + " is longer than --windowSize=" + sizeOption
              + "; words between windows would be skipped");
    }
    boolean streaming = LineInput.isStream(inputOption, options);
    TimeMode timeMode = TimedInput.timeMode(options.getTimeMode(), inputOption);
    Aggregation aggregation = Aggregation.from(options, streaming, true);
    ResultSinks sinks = ResultSinks.from(options, streaming);
    TimedInput input = TimedInput.of(LineInput.from(inputOption, options), timeMode);

    TimedLines.Result lines = input.read(p);
    PCollection<KV<String, Long>> counts =
        lines
            .texts()
            .apply(
                "CountPerWindow",
                WindowedWordCounts.create()
                    .withWindow(size, slide)
                    .withOutputMode(aggregation.mode())
                    .withTrigger(aggregation.trigger()));
    sinks.write(
        counts.apply(
            "WindowedWordCountTable",
            TabulateFirings.of(WINDOWED_WORD_COUNTS, WordCountPipeline.SCHEMA, WordCountPipeline::row)
                .sortedByDescending("count")),
        WINDOWED_WORD_COUNTS,
        aggregation.mode(),
        "word");
    if (timeMode == TimeMode.EVENT) {
      sinks.writeDeadLetters(lines.deadLetters(), REJECTED_LINES);
    }
    return input.lines();
  }
}
