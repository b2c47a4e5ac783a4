package dev.tributary.transforms.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.transforms.common.CounterTotals;
import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.modes.TriggerSpec;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Parsing and counting of {@code events/user_events.csv}: a header, 22 good rows and 4 malformed ones (one
 * per kind: field count, timestamp, event, user). Expected counts computed independently with {@code
 * events/expected_user_event_counts.py} (Python's csv and datetime modules).
 */
class CountUserEventsByTypeTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void everyRowIsARecordADeadLetterOrTheHeader() throws URISyntaxException {
    ParseLines.Result<UserEvent> parsed = readSample();

    PAssert.that(parsed.deadLetters())
        .containsInAnyOrder(
            new DeadLetter("2024-03-01T09:40:12Z,4", "expected 3 comma-separated fields, found 2"),
            new DeadLetter(
                "2024-03-01T25:10:00Z,2,view", "timestamp is not ISO-8601 or 'yyyy-MM-dd HH:mm:ss'"),
            new DeadLetter(
                "2024-03-01T10:21:40Z,3,signup", "event is not login, logout, purchase or view"),
            new DeadLetter("2024-03-01T10:48:03Z,x2,purchase", "user_id is not a positive integer"));
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertEquals(22, CounterTotals.of(run, ParseEventLines.USER_EVENTS_NAMESPACE, ParseLines.PARSED));
    assertEquals(4, CounterTotals.of(run, ParseEventLines.USER_EVENTS_NAMESPACE, ParseLines.REJECTED));
    assertEquals(1, CounterTotals.of(run, ParseEventLines.USER_EVENTS_NAMESPACE, ParseLines.SKIPPED));
  }

  @Test
  void countsSinceTheStartOnceTheInputEnds() throws URISyntaxException {
    PCollection<KV<String, Long>> counts =
        readSample()
            .records()
            .apply(CountUserEventsByType.create().withTrigger(TriggerSpec.availableNow()));

    PAssert.that(counts)
        .inOnTimePane(GlobalWindow.INSTANCE)
        .containsInAnyOrder(
            KV.of("login", 5L), KV.of("logout", 3L), KV.of("purchase", 5L), KV.of("view", 9L));
    PAssert.that(counts)
        .containsInAnyOrder(
            KV.of("login", 5L), KV.of("logout", 3L), KV.of("purchase", 5L), KV.of("view", 9L));
    p.run().waitUntilFinish();
  }

  @Test
  void countsPerHourInAppendMode() throws URISyntaxException {
    PCollection<KV<String, Long>> counts =
        readSample()
            .records()
            .apply(WithTimestamps.of(UserEvent::getTimestamp))
            .apply(
                CountUserEventsByType.create()
                    .withOutputMode(OutputMode.APPEND)
                    .withWindows(FixedWindows.of(Duration.standardHours(1))));

    PAssert.that(counts)
        .inOnTimePane(hour("09"))
        .containsInAnyOrder(
            KV.of("login", 2L), KV.of("logout", 1L), KV.of("purchase", 3L), KV.of("view", 6L));
    PAssert.that(counts)
        .inOnTimePane(hour("10"))
        .containsInAnyOrder(
            KV.of("login", 3L), KV.of("logout", 2L), KV.of("purchase", 2L), KV.of("view", 3L));
    p.run().waitUntilFinish();
  }

  @Test
  void updateModeEmitsOnlyTheTypesThatChangedInEachBatch() {
    TestStream<UserEvent> events =
        TestStream.create(UserEventCoder.of())
            .addElements(event(1, "login"), event(2, "login"), event(1, "view"))
            .addElements(event(1, "view"))
            .addElements(event(2, "logout"))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts = p.apply(events).apply(CountUserEventsByType.create());

    PAssert.that(counts)
        .inEarlyGlobalWindowPanes()
        .containsInAnyOrder(
            KV.of("login", 2L), KV.of("view", 1L), KV.of("view", 2L), KV.of("logout", 1L));
    p.run().waitUntilFinish();
  }

  private ParseLines.Result<UserEvent> readSample() throws URISyntaxException {
    Path csv = Path.of(getClass().getResource("/events/user_events.csv").toURI());
    return p.apply(TextIO.read().from(csv.toString())).apply(ParseEventLines.userEvents());
  }

  private static TimestampedValue<UserEvent> event(int user, String event) {
    Instant time = Instant.parse("2024-03-01T09:00:00Z");
    return TimestampedValue.of(new UserEvent(time, user, event), time);
  }

  private static IntervalWindow hour(String hh) {
    return new IntervalWindow(Instant.parse("2024-03-01T" + hh + ":00:00Z"), Duration.standardHours(1));
  }
}
