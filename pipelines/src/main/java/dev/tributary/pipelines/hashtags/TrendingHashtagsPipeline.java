package dev.tributary.pipelines.hashtags;

import dev.tributary.io.s3.TributaryS3;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.pipelines.common.ResultSinks;
import dev.tributary.pipelines.words.TimedInput;
import dev.tributary.pipelines.words.TimedLines;
import dev.tributary.transforms.common.Durations;
import dev.tributary.transforms.logs.TimeMode;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.modes.TriggerSpec;
import dev.tributary.transforms.sliding.TopCountsPerSlidingWindow;
import dev.tributary.transforms.table.ToResultTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;

/**
 * The {@code trending-hashtags} job: hashtags counted over a 300 s window every 1 s, the top N of each
 * window ranked by count (ties by tag). The seeds' DStream job used {@code reduceByKeyAndWindow} with an
 * inverse function so that 300 overlapping windows do not mean 300 copies of each tweet; {@link
 * TopCountsPerSlidingWindow} does the same on Beam, at a cost per element independent of size/slide.
 *
 * <p>Each window's ranking is shown once, when the window ends, as a DStream prints one ranking per
 * slide: that is both append and update here. Complete (every window again at every firing) and early
 * processing-time firings are refused; the slide sets how often a ranking appears. Spark's Structured
 * Streaming would allow a sorted top N only in complete mode, over all windows at once; this job keeps the
 * DStream meaning.
 */
public final class TrendingHashtagsPipeline {
  static final String DEFAULT_INPUT = "data/hashtags";
  static final String DEFAULT_WINDOW_SIZE = "300s";
  static final String DEFAULT_WINDOW_SLIDE = "1s";
  static final String TRENDING_HASHTAGS = "trending_hashtags";
  static final String REJECTED_LINES = "rejected_lines";
  static final Schema SCHEMA =
      Schema.builder().addInt32Field("rank").addStringField("hashtag").addInt64Field("count").build();

  private TrendingHashtagsPipeline() {}

  /**
   * Adds the job to {@code p}; a bad option throws {@link IllegalArgumentException} with a message fit to
   * show the user.
   *
   * @return the input, which says whether the job is streaming
   */
  public static LineInput build(Pipeline p, TrendingHashtagsOptions options) {
    TributaryS3.configure(options);
    FileSystems.setDefaultPipelineOptions(options);
    String inputOption = options.getInput() == null ? DEFAULT_INPUT : options.getInput();
    String sizeOption = options.getWindowSize() == null ? DEFAULT_WINDOW_SIZE : options.getWindowSize();
    String slideOption = options.getWindowSlide() == null ? DEFAULT_WINDOW_SLIDE : options.getWindowSlide();
    Duration size = Durations.parsePositive("windowSize", sizeOption);
    Duration slide = Durations.parsePositive("windowSlide", slideOption);
    if (size.getMillis() % slide.getMillis() != 0) {
      throw new IllegalArgumentException(
          "--windowSize=" + sizeOption + " is not a multiple of --windowSlide=" + slideOption
              + "; each window is made of whole slides");
    }
    if (options.getTopN() < 1) {
      throw new IllegalArgumentException("--topN must be at least 1, got " + options.getTopN());
    }
    checkOutputMode(options.getOutputMode());
    checkTrigger(options.getTrigger());
    TopCountsPerSlidingWindow<String> top =
        TopCountsPerSlidingWindow.<String>create().withTopN(options.getTopN()).withWindow(size, slide);
    boolean streaming = LineInput.isStream(inputOption, options);
    TimeMode timeMode = TimedInput.timeMode(options.getTimeMode(), inputOption);
    ResultSinks sinks = ResultSinks.from(options, streaming);
    TimedInput input = TimedInput.of(LineInput.from(inputOption, options), timeMode);

    TimedLines.Result lines = input.read(p);
    ExtractHashtags hashtags = options.getLowerCase() ? ExtractHashtags.create().withLowerCase() : ExtractHashtags.create();
    PCollection<List<KV<String, Long>>> rankings =
        lines.texts().apply("ExtractHashtags", hashtags).apply("TopHashtagsPerWindow", top);
    // One firing per window holding its whole ranking: in the database it replaces the window's rows.
    sinks.write(
        rankings.apply("TrendingTable", ToResultTable.of(TRENDING_HASHTAGS, SCHEMA, TrendingHashtagsPipeline::rows)),
        TRENDING_HASHTAGS,
        OutputMode.COMPLETE,
        "rank");
    if (timeMode == TimeMode.EVENT) {
      sinks.writeDeadLetters(lines.deadLetters(), REJECTED_LINES);
    }
    return input.lines();
  }

  /** In ranking order, numbered from 1. */
  static List<Row> rows(List<KV<String, Long>> ranking) {
    List<Row> rows = new ArrayList<>(ranking.size());
    for (int i = 0; i < ranking.size(); i++) {
      rows.add(Row.withSchema(SCHEMA).addValues(i + 1, ranking.get(i).getKey(), ranking.get(i).getValue()).build());
    }
    return rows;
  }

  private static void checkOutputMode(String outputMode) {
    if (OutputMode.parse(outputMode) == OutputMode.COMPLETE) {
      throw new IllegalArgumentException(
          "--outputMode=complete would show every window's ranking again at each firing; trending-hashtags"
              + " shows each window's ranking once, when the window ends (every --windowSlide, as a DStream"
              + " prints one ranking per batch), which is what append and update both mean here");
    }
  }

  private static void checkTrigger(String trigger) {
    if (TriggerSpec.parse(trigger).getKind() == TriggerSpec.Kind.PROCESSING_TIME) {
      throw new IllegalArgumentException(
          "--trigger=" + trigger + ": rankings fire when their window ends, every --windowSlide (the sliding"
              + " count has no early firings); set --windowSlide to show rankings more or less often");
    }
  }
}
