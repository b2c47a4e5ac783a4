package dev.tributary.pipelines.events;

import dev.tributary.io.s3.TributaryS3;
import dev.tributary.pipelines.common.Aggregation;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.pipelines.common.ResultSinks;
import dev.tributary.transforms.events.ActionEvent;
import dev.tributary.transforms.events.ActionEventCoder;
import dev.tributary.transforms.events.ActionEventParser;
import dev.tributary.transforms.events.CountActionsPerWindow;
import dev.tributary.transforms.events.ParseEventLines;
import dev.tributary.transforms.events.ParseLines;
import dev.tributary.transforms.table.TabulateFirings;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * The {@code json-action-counts} job, the Databricks events sample: {@code groupBy(action, window(time, "1
 * hour")).count()} written to a database through JDBC, one row per action and window ({@code window_start},
 * {@code window_end}, {@code action}, {@code count}, {@code pane}), kept up to date as windows fire again.
 * Without {@code --jdbcUrl} the rows go to the embedded H2 database {@value #DEFAULT_JDBC_URL}. Lines that
 * are no action are dead letters with their reason.
 */
public final class JsonActionCountsPipeline {
  static final String DEFAULT_INPUT = "data/events/actions.json";
  /** An embedded database file under out/, relative to the directory the job runs in. */
  public static final String DEFAULT_JDBC_URL = "jdbc:h2:file:./out/tributary";
  static final String ACTION_COUNTS = "action_counts";
  static final String REJECTED_LINES = "rejected_lines";
  static final Schema SCHEMA = Schema.builder().addStringField("action").addInt64Field("count").build();

  private JsonActionCountsPipeline() {}

  /**
   * Adds the job to {@code p}; a bad option throws {@link IllegalArgumentException} with a message fit to
   * show the user. Sets {@code --jdbcUrl} to its default when it is not given.
   */
  public static LineInput build(Pipeline p, JsonActionCountsOptions o) {
    TributaryS3.configure(o);
    FileSystems.setDefaultPipelineOptions(o);
    String inputOption = o.getInput() == null ? DEFAULT_INPUT : o.getInput();
    boolean streaming = LineInput.isStream(inputOption, o);
    Aggregation aggregation = Aggregation.from(o, streaming, true);
    if (o.getJdbcUrl() == null || o.getJdbcUrl().isBlank()) {
      o.setJdbcUrl(DEFAULT_JDBC_URL);
    }
    ResultSinks sinks = ResultSinks.from(o, streaming);
    LineInput input =
        LineInput.from(inputOption, o).withEventTime(EventTimeOfLine.of(ActionEventParser::parse, ActionEvent::getTime));

    ParseLines.Result<ActionEvent> parsed = input.read(p, "ReadActions").apply("ParseActions", ParseEventLines.actions());
    PCollection<ActionEvent> actions = parsed.records();
    if (!streaming) {
      // The streaming sources stamp event time as they read; a one-time read leaves it to this step.
      actions = actions.apply("EventTime", WithTimestamps.of(ActionEvent::getTime)).setCoder(ActionEventCoder.of());
    }
    PCollection<KV<String, Long>> counts =
        actions.apply(
            "CountActionsPerWindow",
            CountActionsPerWindow.create().withOutputMode(aggregation.mode()).withTrigger(aggregation.trigger()));
    sinks.write(
        counts.apply("CountsTable", TabulateFirings.of(ACTION_COUNTS, SCHEMA, JsonActionCountsPipeline::row)),
        ACTION_COUNTS,
        aggregation.mode(),
        "action");
    sinks.writeDeadLetters(parsed.deadLetters(), REJECTED_LINES);
    return input;
  }

  static Row row(KV<String, Long> count) {
    return Row.withSchema(SCHEMA).addValues(count.getKey(), count.getValue()).build();
  }
}
