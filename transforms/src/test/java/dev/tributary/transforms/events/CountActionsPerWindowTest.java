package dev.tributary.transforms.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.transforms.common.CounterTotals;
import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.modes.OutputMode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** Exact per-window counts of {@link CountActionsPerWindow}. */
class CountActionsPerWindowTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  /**
   * {@code events/actions.json} holds 24 events in the Databricks sample's form (epoch seconds) between
   * 02:23 and 05:40 UTC on 2016-07-26. The expected counts were computed independently with {@code
   * events/expected_action_counts.py} (Python's datetime, no shared code).
   */
  @Test
  void countsEachActionPerHourOfTheSample() throws URISyntaxException {
    Path actions = Path.of(getClass().getResource("/events/actions.json").toURI());
    PCollection<KV<String, Long>> counts =
        p.apply(TextIO.read().from(actions.toString()))
            .apply(ParseEventLines.actions())
            .records()
            .apply(WithTimestamps.of(ActionEvent::getTime))
            .apply(CountActionsPerWindow.create());

    PAssert.that(counts).inOnTimePane(hour("02")).containsInAnyOrder(KV.of("Open", 3L), KV.of("Close", 2L));
    PAssert.that(counts).inOnTimePane(hour("03")).containsInAnyOrder(KV.of("Open", 7L), KV.of("Close", 2L));
    PAssert.that(counts).inOnTimePane(hour("04")).containsInAnyOrder(KV.of("Open", 6L), KV.of("Close", 3L));
    PAssert.that(counts).inOnTimePane(hour("05")).containsInAnyOrder(KV.of("Close", 1L));
    PAssert.that(counts)
        .containsInAnyOrder(
            KV.of("Open", 3L), KV.of("Close", 2L), KV.of("Open", 7L), KV.of("Close", 2L),
            KV.of("Open", 6L), KV.of("Close", 3L), KV.of("Close", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void mixedTimeFormsAndConfiguredWindowSizeAndDeadLetters() {
    ParseLines.Result<ActionEvent> parsed =
        p.apply(
                Create.of(
                    "{\"time\":1469502000,\"action\":\"Open\"}",
                    "{\"time\":\"2016-07-26T03:10:00Z\",\"action\":\"Close\"}",
                    "{\"time\":\"2016-07-26 03:29:59\",\"action\":\"Open\"}",
                    "{\"time\":\"2016-07-26T05:30:00+02:00\",\"action\":\"Open\"}",
                    "{\"time\":1469503800,\"action\":\"Close\"}",
                    "{\"time\":1469503800,\"action\":\"Shut\"}",
                    "{\"time\":1469503800"))
            .apply(ParseEventLines.actions());
    PCollection<KV<String, Long>> counts =
        parsed
            .records()
            .apply(WithTimestamps.of(ActionEvent::getTime))
            .apply(CountActionsPerWindow.create().withWindowSize(Duration.standardMinutes(30)));

    // 1469502000 = 03:00:00Z; 05:30+02:00 and 1469503800 are both 03:30:00Z, the start of the second window.
    IntervalWindow first = new IntervalWindow(at("03:00"), Duration.standardMinutes(30));
    IntervalWindow second = new IntervalWindow(at("03:30"), Duration.standardMinutes(30));
    PAssert.that(counts).inOnTimePane(first).containsInAnyOrder(KV.of("Open", 2L), KV.of("Close", 1L));
    PAssert.that(counts).inOnTimePane(second).containsInAnyOrder(KV.of("Open", 1L), KV.of("Close", 1L));
    PAssert.that(parsed.deadLetters())
        .containsInAnyOrder(
            new DeadLetter("{\"time\":1469503800,\"action\":\"Shut\"}", "action is not Open or Close"),
            new DeadLetter("{\"time\":1469503800", "not valid JSON"));
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertEquals(5, CounterTotals.of(run, ParseEventLines.ACTIONS_NAMESPACE, ParseLines.PARSED));
    assertEquals(2, CounterTotals.of(run, ParseEventLines.ACTIONS_NAMESPACE, ParseLines.REJECTED));
  }

  @Test
  void updateModeEmitsTheChangedCountsAfterEachBatch() {
    TestStream<ActionEvent> events =
        TestStream.create(ActionEventCoder.of())
            .addElements(action("Open", "03:01"), action("Close", "03:02"))
            .addElements(action("Open", "03:05"))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts =
        p.apply(events).apply(CountActionsPerWindow.create().withOutputMode(OutputMode.UPDATE));

    PAssert.that(counts)
        .inWindow(hour("03"))
        .containsInAnyOrder(KV.of("Open", 1L), KV.of("Close", 1L), KV.of("Open", 2L));
    p.run().waitUntilFinish();
  }

  private static Instant at(String hhmm) {
    return Instant.parse("2016-07-26T" + hhmm + ":00Z");
  }

  private static TimestampedValue<ActionEvent> action(String action, String hhmm) {
    return TimestampedValue.of(new ActionEvent(action, at(hhmm)), at(hhmm));
  }

  private static IntervalWindow hour(String hh) {
    return new IntervalWindow(at(hh + ":00"), Duration.standardHours(1));
  }
}
