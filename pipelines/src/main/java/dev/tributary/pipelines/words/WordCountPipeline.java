package dev.tributary.pipelines.words;

import dev.tributary.io.s3.TributaryS3;
import dev.tributary.pipelines.common.Aggregation;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.pipelines.common.ResultSinks;
import dev.tributary.transforms.modes.CountByKey;
import dev.tributary.transforms.table.TabulateFirings;
import dev.tributary.transforms.words.SplitWords;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * The {@code word-count} job, the seeds' socket word count: split lines on whitespace and count each word
 * since the start, shown in the chosen output mode (update: the words that changed; complete: all words).
 */
public final class WordCountPipeline {
  /** The bundled sample, relative to the repository root. */
  static final String DEFAULT_INPUT = "data/words";

  static final String WORD_COUNTS = "word_counts";
  static final Schema SCHEMA = Schema.builder().addStringField("word").addInt64Field("count").build();

  private WordCountPipeline() {}

  /**
   * Adds the job to {@code p}; a bad option throws {@link IllegalArgumentException} with a message fit to
   * show the user.
   *
   * @return the input, which says whether the job is streaming
   */
  public static LineInput build(Pipeline p, WordCountOptions options) {
    TributaryS3.configure(options);
    FileSystems.setDefaultPipelineOptions(options);
    String inputOption = options.getInput() == null ? DEFAULT_INPUT : options.getInput();
    boolean streaming = LineInput.isStream(inputOption, options);
    Aggregation aggregation = Aggregation.from(options, streaming, false);
    ResultSinks sinks = ResultSinks.from(options, streaming);
    LineInput input = LineInput.from(inputOption, options);

    SplitWords split = options.getLowerCase() ? SplitWords.create().withLowerCase() : SplitWords.create();
    PCollection<KV<String, Long>> counts =
        input
            .read(p, "ReadLines")
            .apply("SplitWords", split)
            .apply(
                "CountByWord",
                CountByKey.<String>create().withOutputMode(aggregation.mode()).withTrigger(aggregation.trigger()));
    sinks.write(
        counts.apply("WordCountTable", TabulateFirings.of(WORD_COUNTS, SCHEMA, WordCountPipeline::row).sortedByDescending("count")),
        WORD_COUNTS,
        aggregation.mode(),
        "word");
    return input;
  }

  static Row row(KV<String, Long> count) {
    return Row.withSchema(SCHEMA).addValues(count.getKey(), count.getValue()).build();
  }
}
