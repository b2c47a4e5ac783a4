package dev.tributary.transforms.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tributary.transforms.common.CounterTotals;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** Exact per-window sums of {@link SumActivityPerWindow}, on the bundled sample and on scripted streams. */
class SumActivityPerWindowTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  /**
   * The expected values were computed independently, by brute force over every hourly window, with {@code
   * src/test/resources/events/expected_sums.py} (plain Python, no shared code). The sample has 44 events
   * holding 206 activities; each event lies in 24 windows, so all sums together are 24 x 206 = 4944. Two
   * events sit exactly on window boundaries (2024-03-02 00:00:00 and 12:00:00) and show that a window
   * includes its start and excludes its end.
   */
  @Test
  void sumsTheBundledSampleExactly() throws URISyntaxException {
    Path log = Path.of(getClass().getResource("/events/log.json").toURI());
    ParseLines.Result<ActivityEvent> parsed =
        p.apply(TextIO.read().from(log.toString())).apply(ParseEventLines.activities());
    PCollection<List<KV<String, Long>>> sums =
        parsed
            .records()
            .apply(WithTimestamps.of(ActivityEvent::getTime))
            .apply(SumActivityPerWindow.create());

    PAssert.that(sums)
        .inOnTimePane(day("2024-03-01T00:00:00Z"))
        .containsInAnyOrder(sums("click", 14, "purchase", 2, "share", 1, "view", 43));
    PAssert.that(sums)
        .inOnTimePane(day("2024-03-01T12:00:00Z"))
        .containsInAnyOrder(sums("click", 18, "purchase", 3, "share", 2, "view", 69));
    PAssert.that(sums)
        .inOnTimePane(day("2024-03-02T00:00:00Z"))
        .containsInAnyOrder(sums("click", 24, "purchase", 1, "share", 3, "view", 81));
    PAssert.that(sums)
        .inOnTimePane(day("2024-03-02T12:00:00Z"))
        .containsInAnyOrder(sums("click", 22, "purchase", 2, "share", 2, "view", 50));
    PAssert.that(sums)
        .inOnTimePane(day("2024-03-02T13:00:00Z"))
        .containsInAnyOrder(sums("click", 25, "purchase", 2, "share", 1, "view", 50));
    PAssert.that(sums)
        .inOnTimePane(day("2024-03-03T00:00:00Z"))
        .containsInAnyOrder(sums("click", 12, "purchase", 2, "share", 1, "view", 22));
    // The first and last windows holding an event: 2024-03-01 07:11:05 and 2024-03-03 17:27:43.
    PAssert.that(sums).inOnTimePane(day("2024-02-29T08:00:00Z")).containsInAnyOrder(sums("view", 1));
    PAssert.that(sums).inOnTimePane(day("2024-03-03T17:00:00Z")).containsInAnyOrder(sums("view", 3));

    PCollection<List<KV<String, Long>>> all = sums.apply("AllWindows", Window.into(new GlobalWindows()));
    PAssert.thatSingleton(all.apply("CountWindows", Count.globally())).isEqualTo(82L);
    PAssert.thatSingleton(
            all.apply(
                    "EverySum",
                    FlatMapElements.into(TypeDescriptors.longs())
                        .via((List<KV<String, Long>> rows) -> rows.stream().map(KV::getValue).toList()))
                .apply("Total", Sum.longsGlobally()))
        .isEqualTo(4944L);
    PAssert.that(parsed.deadLetters()).empty();

    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertEquals(44, CounterTotals.of(run, ParseEventLines.ACTIVITY_NAMESPACE, ParseLines.PARSED));
    assertEquals(0, CounterTotals.of(run, ParseEventLines.ACTIVITY_NAMESPACE, ParseLines.REJECTED));
  }

  @Test
  void ordersEachWindowByTypeAndSlidesAsConfigured() {
    TestStream<ActivityEvent> events =
        TestStream.create(ActivityEventCoder.of())
            .addElements(at("view", "00:30", 2), at("share", "00:40", 1), at("click", "00:50", 4))
            .addElements(at("view", "01:30", 3), at("click", "01:59", 1))
            .advanceWatermarkToInfinity();

    PCollection<List<KV<String, Long>>> sums =
        p.apply(events)
            .apply(
                SumActivityPerWindow.create()
                    .withWindow(Duration.standardHours(2), Duration.standardHours(1)));

    PAssert.that(sums)
        .inOnTimePane(window("2024-02-29T23:00:00Z", 2))
        .containsInAnyOrder(sums("click", 4, "share", 1, "view", 2));
    PAssert.that(sums)
        .inOnTimePane(window("2024-03-01T00:00:00Z", 2))
        .containsInAnyOrder(sums("click", 5, "share", 1, "view", 5));
    PAssert.that(sums)
        .inOnTimePane(window("2024-03-01T01:00:00Z", 2))
        .containsInAnyOrder(sums("click", 1, "view", 3));
    PAssert.that(sums)
        .containsInAnyOrder(
            sums("click", 4, "share", 1, "view", 2),
            sums("click", 5, "share", 1, "view", 5),
            sums("click", 1, "view", 3));
    p.run().waitUntilFinish();
  }

  @Test
  void eventsBehindTheWatermarkAreDroppedFromEveryWindow() {
    TestStream<ActivityEvent> events =
        TestStream.create(ActivityEventCoder.of())
            .addElements(at("view", "00:30", 2))
            // Every 2-hour window holding 00:45 has ended by 02:00.
            .advanceWatermarkTo(Instant.parse("2024-03-01T03:00:00Z"))
            .addElements(at("view", "00:45", 100), at("view", "03:10", 1))
            .advanceWatermarkToInfinity();

    PCollection<List<KV<String, Long>>> sums =
        p.apply(events)
            .apply(
                SumActivityPerWindow.create()
                    .withWindow(Duration.standardHours(2), Duration.standardHours(1)));

    PAssert.that(sums)
        .containsInAnyOrder(sums("view", 2), sums("view", 2), sums("view", 1), sums("view", 1));
    PAssert.that(sums).inOnTimePane(window("2024-03-01T00:00:00Z", 2)).containsInAnyOrder(sums("view", 2));
    p.run().waitUntilFinish();
  }

  @Test
  void rejectsASlideLongerThanTheWindow() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SumActivityPerWindow.create()
                    .withWindow(Duration.standardHours(1), Duration.standardHours(2)));
    assertEquals(
        "window slide PT7200S is longer than its size PT3600S: events would be skipped", e.getMessage());
  }

  private static TimestampedValue<ActivityEvent> at(String type, String hhmm, int count) {
    Instant time = Instant.parse("2024-03-01T" + hhmm + ":00Z");
    return TimestampedValue.of(new ActivityEvent(type, time, count), time);
  }

  private static IntervalWindow day(String start) {
    return window(start, 24);
  }

  private static IntervalWindow window(String start, int hours) {
    return new IntervalWindow(Instant.parse(start), Duration.standardHours(hours));
  }

  /** Pairs of type and sum, in the order given (which must be by type). */
  private static List<KV<String, Long>> sums(Object... typesAndSums) {
    KV<String, Long>[] rows = new KV[typesAndSums.length / 2];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = KV.of((String) typesAndSums[2 * i], ((Integer) typesAndSums[2 * i + 1]).longValue());
    }
    return List.of(rows);
  }
}
