package dev.tributary.pipelines.words;

import dev.tributary.io.s3.TributaryS3;
import dev.tributary.pipelines.common.Aggregation;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.pipelines.common.ResultSinks;
import dev.tributary.transforms.common.Durations;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.table.TabulateFirings;
import dev.tributary.transforms.words.RunningWordCounts;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The {@code running-word-count} job, the seeds' {@code updateStateByKey} with a checkpoint: each batch
 * (one firing of {@code --trigger}) is counted per word and added to the word's total, kept in Beam state,
 * and after each batch the words it changed are shown with their new totals. On files the whole input is
 * one batch. {@code --idleExpiry} forgets words that have gone quiet, see {@link RunningWordCounts}.
 *
 * <p>Only update output mode fits: the state emits the keys a batch changed. Spark draws the same line for
 * its stateful per-key operator, {@code mapGroupsWithState}, which allows only update.
 */
public final class RunningWordCountPipeline {
  static final String DEFAULT_INPUT = "data/words";
  static final String RUNNING_WORD_COUNTS = "running_word_counts";

  private RunningWordCountPipeline() {}

  /**
   * Adds the job to {@code p}; a bad option throws {@link IllegalArgumentException} with a message fit to
   * show the user.
   *
   * @return the input, which says whether the job is streaming
   */
  public static LineInput build(Pipeline p, RunningWordCountOptions options) {
    TributaryS3.configure(options);
    FileSystems.setDefaultPipelineOptions(options);
    String inputOption = options.getInput() == null ? DEFAULT_INPUT : options.getInput();
    checkUpdateMode(options.getOutputMode());
    RunningWordCounts running = RunningWordCounts.create();
    if (idleExpiry(options) != null) {
      running = running.withIdleExpiry(Durations.parsePositive("idleExpiry", idleExpiry(options)));
    }
    boolean streaming = LineInput.isStream(inputOption, options);
    Aggregation aggregation = Aggregation.from(options, streaming, false);
    ResultSinks sinks = ResultSinks.from(options, streaming);
    LineInput input = LineInput.from(inputOption, options);

    PCollection<KV<String, Long>> totals =
        input.read(p, "ReadLines").apply("RunningWordCounts", running.withTrigger(aggregation.trigger()));
    sinks.write(
        totals.apply(
            "RunningWordCountTable",
            TabulateFirings.of(RUNNING_WORD_COUNTS, WordCountPipeline.SCHEMA, WordCountPipeline::row)
                .sortedByDescending("count")),
        RUNNING_WORD_COUNTS,
        OutputMode.UPDATE,
        "word");
    return input;
  }

  static @Nullable String idleExpiry(RunningWordCountOptions options) {
    String value = options.getIdleExpiry();
    return value == null || value.isBlank() ? null : value;
  }

  private static void checkUpdateMode(String outputMode) {
    OutputMode mode = OutputMode.parse(outputMode);
    if (mode != OutputMode.UPDATE) {
      throw new IllegalArgumentException(
          "--outputMode=" + outputMode + " does not fit running totals kept in per-word state, which emit the"
              + " words each batch changed: only update does (Spark likewise allows only Update output mode"
              + " for mapGroupsWithState); for complete or windowed counts use word-count or"
              + " windowed-word-count");
    }
  }
}
