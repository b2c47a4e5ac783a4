package dev.tributary.pipelines.events;

import dev.tributary.io.s3.TributaryS3;
import dev.tributary.pipelines.common.Aggregation;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.pipelines.common.ResultSinks;
import dev.tributary.transforms.events.ActivityEvent;
import dev.tributary.transforms.events.ActivityEventCoder;
import dev.tributary.transforms.events.ActivityEventParser;
import dev.tributary.transforms.events.ParseEventLines;
import dev.tributary.transforms.events.ParseLines;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.values.PCollection;

/**
 * The {@code json-activity} job, the seeds' JSON activity windows: {@code groupBy(window(activity_time, "1
 * day", "1 hour"), activity_type).sum("activity_count").orderBy("window")}, shown on the console in window
 * order with up to 200 rows per table and no truncation. An event counts in each of the 24 windows that hold
 * it; windows are aligned to the hour, UTC. Lines that are no event are dead letters with their reason.
 */
public final class JsonActivityPipeline {
  static final String DEFAULT_INPUT = "data/events/log.json";
  static final String REJECTED_LINES = "rejected_lines";

  private JsonActivityPipeline() {}

  /**
   * Adds the job to {@code p}; a bad option throws {@link IllegalArgumentException} with a message fit to
   * show the user.
   */
  public static LineInput build(Pipeline p, JsonActivityOptions o) {
    TributaryS3.configure(o);
    FileSystems.setDefaultPipelineOptions(o);
    String inputOption = o.getInput() == null ? DEFAULT_INPUT : o.getInput();
    boolean streaming = LineInput.isStream(inputOption, o);
    Aggregation aggregation = Aggregation.from(o, streaming, true);
    ResultSinks sinks = ResultSinks.from(o, streaming, 200, false);
    LineInput input =
        LineInput.from(inputOption, o).withEventTime(EventTimeOfLine.of(ActivityEventParser::parse, ActivityEvent::getTime));

    ParseLines.Result<ActivityEvent> parsed =
        input.read(p, "ReadActivityLog").apply("ParseActivities", ParseEventLines.activities());
    PCollection<ActivityEvent> events = parsed.records();
    if (!streaming) {
      // The streaming sources stamp event time as they read; a one-time read leaves it to this step.
      events = events.apply("EventTime", WithTimestamps.of(ActivityEvent::getTime)).setCoder(ActivityEventCoder.of());
    }
    sinks.write(
        events.apply("SumActivityPerWindow", new ActivitySumTables(aggregation)),
        ActivitySumTables.ACTIVITY_SUMS,
        aggregation.mode(),
        "activity_type");
    sinks.writeDeadLetters(parsed.deadLetters(), REJECTED_LINES);
    return input;
  }
}
