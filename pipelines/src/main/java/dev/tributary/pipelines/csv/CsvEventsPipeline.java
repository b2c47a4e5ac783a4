package dev.tributary.pipelines.csv;

import dev.tributary.io.s3.TributaryS3;
import dev.tributary.pipelines.common.Aggregation;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.pipelines.common.ResultSinks;
import dev.tributary.pipelines.events.EventTimeOfLine;
import dev.tributary.transforms.events.CountUserEventsByType;
import dev.tributary.transforms.events.ParseEventLines;
import dev.tributary.transforms.events.ParseLines;
import dev.tributary.transforms.events.UserEvent;
import dev.tributary.transforms.events.UserEventCoder;
import dev.tributary.transforms.events.UserEventParser;
import dev.tributary.transforms.modes.CountByKey;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.table.TabulateFirings;
import dev.tributary.transforms.words.SplitWords;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Duration;

/**
 * The {@code csv-events} job, the seeds' CSV stream processor, in three modes:
 *
 * <ul>
 *   <li>{@code csv-agg}: user events per event type since the start ({@code groupBy(event).count()}), in
 *       update or complete mode (append needs event-time windows, which this count has not: Spark's rule).
 *   <li>{@code csv-log}: the rows themselves, as read (a query without aggregation: complete is refused).
 *   <li>{@code socket}: the word count of the lines read from {@code --host}:{@code --port}.
 * </ul>
 *
 * In the CSV modes, rows that are not {@code timestamp,user_id,event} with an ISO timestamp, a positive user
 * id and one of login, logout, purchase, view are dead letters with their reason.
 */
public final class CsvEventsPipeline {
  static final String DEFAULT_INPUT = "data/csv";
  static final String USER_EVENT_COUNTS = "user_event_counts";
  static final String USER_EVENTS = "user_events";
  static final String WORD_COUNTS = "word_counts";
  static final String REJECTED_ROWS = "rejected_rows";

  static final Schema COUNTS_SCHEMA = Schema.builder().addStringField("event").addInt64Field("count").build();
  static final Schema ROWS_SCHEMA =
      Schema.builder().addDateTimeField("timestamp").addInt32Field("user_id").addStringField("event").build();
  static final Schema WORDS_SCHEMA = Schema.builder().addStringField("word").addInt64Field("count").build();

  private CsvEventsPipeline() {}

  /**
   * Adds the job to {@code p}; a bad option throws {@link IllegalArgumentException} with a message fit to
   * show the user.
   */
  public static LineInput build(Pipeline p, CsvEventsOptions o) {
    TributaryS3.configure(o);
    FileSystems.setDefaultPipelineOptions(o);
    CsvMode mode = CsvMode.parse(o.getMode());
    String inputOption;
    if (mode == CsvMode.SOCKET) {
      if (o.getInput() != null) {
        throw new IllegalArgumentException("--input does not apply to --mode=socket; give --host and --port");
      }
      if (o.getPort() < 1 || o.getPort() > 65535) {
        throw new IllegalArgumentException("--port=" + o.getPort() + " is not a port (1 to 65535)");
      }
      inputOption = "tcp://" + o.getHost() + ":" + o.getPort();
    } else {
      inputOption = o.getInput() == null ? DEFAULT_INPUT : o.getInput();
    }
    boolean streaming = LineInput.isStream(inputOption, o);
    if (mode == CsvMode.CSV_LOG) {
      OutputMode.parse(o.getOutputMode()).checkNoAggregation();
    }
    // csv-log shows rows, which may be appended; the counts have no event-time windows, so append is refused.
    Aggregation aggregation = Aggregation.from(o, streaming, mode == CsvMode.CSV_LOG);
    ResultSinks sinks = ResultSinks.from(o, streaming);
    LineInput input = LineInput.from(inputOption, o);

    if (mode == CsvMode.SOCKET) {
      PCollection<KV<String, Long>> counts =
          input
              .read(p, "ReadSocket")
              .apply("SplitWords", SplitWords.create())
              .apply(
                  "CountByWord",
                  CountByKey.<String>create().withOutputMode(aggregation.mode()).withTrigger(aggregation.trigger()));
      sinks.write(
          counts.apply("WordCountTable", TabulateFirings.of(WORD_COUNTS, WORDS_SCHEMA, CsvEventsPipeline::countRow).sortedByDescending("count")),
          WORD_COUNTS,
          aggregation.mode(),
          "word");
      return input;
    }

    input = input.withEventTime(EventTimeOfLine.of(UserEventParser::parse, UserEvent::getTimestamp));
    ParseLines.Result<UserEvent> parsed = input.read(p, "ReadCsv").apply("ParseUserEvents", ParseEventLines.userEvents());
    PCollection<UserEvent> events = parsed.records();
    if (!streaming) {
      // The streaming sources stamp event time as they read; a one-time read leaves it to this step.
      events = events.apply("EventTime", WithTimestamps.of(UserEvent::getTimestamp)).setCoder(UserEventCoder.of());
    }
    if (mode == CsvMode.CSV_AGG) {
      PCollection<KV<String, Long>> counts =
          events.apply(
              "CountPerEventType",
              CountUserEventsByType.create().withOutputMode(aggregation.mode()).withTrigger(aggregation.trigger()));
      sinks.write(
          counts.apply("CountsTable", TabulateFirings.of(USER_EVENT_COUNTS, COUNTS_SCHEMA, CsvEventsPipeline::countRow)),
          USER_EVENT_COUNTS,
          aggregation.mode(),
          "event");
    } else {
      // Each row is a result of its own: gather them into one table per firing of the trigger.
      PCollection<UserEvent> batches =
          events.apply(
              "RowsPerTrigger",
              Window.<UserEvent>into(new GlobalWindows())
                  .triggering(aggregation.trigger().toTrigger())
                  .withAllowedLateness(Duration.ZERO)
                  .discardingFiredPanes());
      sinks.write(
          batches.apply("RowsTable", TabulateFirings.of(USER_EVENTS, ROWS_SCHEMA, CsvEventsPipeline::eventRow)),
          USER_EVENTS,
          aggregation.mode(),
          "timestamp",
          "user_id",
          "event");
    }
    sinks.writeDeadLetters(parsed.deadLetters(), REJECTED_ROWS);
    return input;
  }

  static Row countRow(KV<String, Long> count) {
    return Row.withSchema(COUNTS_SCHEMA).addValues(count.getKey(), count.getValue()).build();
  }

  static Row eventRow(UserEvent event) {
    return Row.withSchema(ROWS_SCHEMA).addValues(event.getTimestamp(), event.getUserId(), event.getEvent()).build();
  }
}
