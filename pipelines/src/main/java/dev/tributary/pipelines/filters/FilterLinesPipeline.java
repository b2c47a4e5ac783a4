package dev.tributary.pipelines.filters;

import dev.tributary.io.s3.TributaryS3;
import dev.tributary.pipelines.cli.RunnerLimits;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.pipelines.common.ResultSinks;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.modes.TriggerSpec;
import dev.tributary.transforms.table.TabulateFirings;
import dev.tributary.transforms.words.FilterLines;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;

/**
 * The {@code filter-lines} job, the seeds' two filters: lines containing "error", lines longer than 4
 * characters. A query without aggregation: each kept line is emitted once, so append and update are the
 * same and complete is refused (Spark's rule). The trigger only decides how kept lines are gathered into the
 * tables shown: on files, one table when the input is used up; on a stream, one per firing.
 */
public final class FilterLinesPipeline {
  static final String DEFAULT_INPUT = "data/words";
  static final String DEFAULT_CONTAINING = "error";
  static final String FILTERED_LINES = "filtered_lines";
  static final Schema SCHEMA = Schema.builder().addStringField("line").build();

  private FilterLinesPipeline() {}

  /**
   * Adds the job to {@code p}; a bad option throws {@link IllegalArgumentException} with a message fit to
   * show the user.
   *
   * @return the input, which says whether the job is streaming
   */
  public static LineInput build(Pipeline p, FilterLinesOptions options) {
    TributaryS3.configure(options);
    FileSystems.setDefaultPipelineOptions(options);
    String inputOption = options.getInput() == null ? DEFAULT_INPUT : options.getInput();
    OutputMode.parse(options.getOutputMode()).checkNoAggregation();
    TriggerSpec trigger = TriggerSpec.parse(options.getTrigger());
    String containing = options.getContaining();
    Integer longerThan = options.getLongerThan();
    if (containing == null && longerThan == null) {
      containing = DEFAULT_CONTAINING;
    }
    if (containing != null && containing.isEmpty()) {
      throw new IllegalArgumentException("--containing is empty: every line would match");
    }
    if (longerThan != null && longerThan < 0) {
      throw new IllegalArgumentException("--longerThan must not be negative, got " + longerThan);
    }
    boolean streaming = LineInput.isStream(inputOption, options);
    RunnerLimits.checkTrigger(options, streaming, trigger);
    if (!streaming && trigger.getKind() == TriggerSpec.Kind.DEFAULT) {
      // As for aggregations (Aggregation.from): a batch shows its result once, not per runner bundle.
      trigger = TriggerSpec.once();
    }
    // Spark shows 20 rows cut at 20 characters; a filter is read for its lines, so they are shown whole.
    ResultSinks sinks = ResultSinks.from(options, streaming, 20, false);
    LineInput input = LineInput.from(inputOption, options);

    PCollection<String> kept = input.read(p, "ReadLines");
    if (containing != null) {
      kept = kept.apply("KeepContaining", FilterLines.containing(containing));
    }
    if (longerThan != null) {
      kept = kept.apply("KeepLonger", FilterLines.longerThan(longerThan));
    }
    PCollection<String> batches =
        kept.apply(
            "GatherPerFiring",
            Window.<String>into(new GlobalWindows())
                .triggering(trigger.toTrigger())
                .discardingFiredPanes()
                .withOnTimeBehavior(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY)
                .withAllowedLateness(Duration.ZERO));
    sinks.write(
        batches.apply("FilteredLinesTable", TabulateFirings.of(FILTERED_LINES, SCHEMA, FilterLinesPipeline::row)),
        FILTERED_LINES,
        OutputMode.APPEND);
    return input;
  }

  static Row row(String line) {
    return Row.withSchema(SCHEMA).addValue(line).build();
  }
}
