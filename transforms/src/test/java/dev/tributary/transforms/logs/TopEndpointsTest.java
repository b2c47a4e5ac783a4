package dev.tributary.transforms.logs;

import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Exact per-window rankings of {@link TopEndpoints} over scripted event time: one test per timing case.
 * Windows are 30 s long every 10 s, so a record at {@code T0 + 5 s} lands in the windows starting at
 * {@code T0 - 20 s}, {@code T0 - 10 s} and {@code T0}.
 */
class TopEndpointsTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void ranksEachSlidingWindowOnTime() {
    TestStream<LogRecord> requests =
        TestStream.create(LogRecordCoder.of())
            .addElements(at("/a", 1), at("/a", 2), at("/b", 3))
            .addElements(at("/b", 15), at("/b", 16), at("/c", 16))
            .advanceWatermarkToInfinity();

    PCollection<List<KV<String, Long>>> top =
        p.apply(requests).apply(TopEndpoints.create().withTopN(2));

    PAssert.that(top).inOnTimePane(window(-20)).containsInAnyOrder(ranking("/a", 2, "/b", 1));
    PAssert.that(top).inOnTimePane(window(-10)).containsInAnyOrder(ranking("/b", 3, "/a", 2));
    PAssert.that(top).inOnTimePane(window(0)).containsInAnyOrder(ranking("/b", 3, "/a", 2));
    PAssert.that(top).inOnTimePane(window(10)).containsInAnyOrder(ranking("/b", 2, "/c", 1));
    // No other window and no other pane fired: the window starting at T0+20s saw nothing.
    PAssert.that(top)
        .containsInAnyOrder(
            ranking("/a", 2, "/b", 1),
            ranking("/b", 3, "/a", 2),
            ranking("/b", 3, "/a", 2),
            ranking("/b", 2, "/c", 1));
    p.run().waitUntilFinish();
  }

  @Test
  void breaksTiesByEndpointName() {
    TestStream<LogRecord> requests =
        TestStream.create(LogRecordCoder.of())
            .addElements(at("/z", 1), at("/m", 2), at("/a", 3), at("/m", 4))
            .advanceWatermarkToInfinity();

    PCollection<List<KV<String, Long>>> top =
        p.apply(requests).apply(TopEndpoints.create().withTopN(3));

    PAssert.that(top)
        .inOnTimePane(window(0))
        .containsInAnyOrder(List.of(KV.of("/m", 2L), KV.of("/a", 1L), KV.of("/z", 1L)));
    p.run().waitUntilFinish();
  }

  @Test
  void firesEarlyInProcessingTimeBeforeTheWindowCloses() {
    TestStream<LogRecord> requests =
        TestStream.create(LogRecordCoder.of())
            .addElements(at("/a", 1))
            .advanceProcessingTime(Duration.standardSeconds(6))
            .addElements(at("/a", 2), at("/b", 3))
            .advanceWatermarkToInfinity();

    PCollection<List<KV<String, Long>>> top =
        p.apply(requests)
            .apply(TopEndpoints.create().withTopN(2).withEarlyFirings(Duration.standardSeconds(5)));

    PAssert.that(top).inEarlyPane(window(0)).containsInAnyOrder(ranking("/a", 1));
    PAssert.that(top).inOnTimePane(window(0)).containsInAnyOrder(ranking("/a", 2, "/b", 1));
    p.run().waitUntilFinish();
  }

  @Test
  void lateRecordWithinAllowedLatenessRefiresTheWholeRanking() {
    TestStream<LogRecord> requests =
        TestStream.create(LogRecordCoder.of())
            .addElements(at("/a", 1), at("/a", 2))
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(40)))
            .addElements(at("/b", 5))
            .advanceWatermarkToInfinity();

    PCollection<List<KV<String, Long>>> top =
        p.apply(requests)
            .apply(
                TopEndpoints.create().withTopN(5).withAllowedLateness(Duration.standardMinutes(1)));

    PAssert.that(top).inOnTimePane(window(0)).containsInAnyOrder(ranking("/a", 2));
    // Panes accumulate: the late firing ranks the whole window, not only the late record.
    PAssert.that(top).inLatePane(window(0)).containsInAnyOrder(ranking("/a", 2, "/b", 1));
    p.run().waitUntilFinish();
  }

  @Test
  void recordLaterThanAllowedLatenessIsDropped() {
    TestStream<LogRecord> requests =
        TestStream.create(LogRecordCoder.of())
            .addElements(at("/a", 1), at("/a", 2))
            // Every window holding T0+5s ends by T0+30s; with 10 s of lateness they expire at T0+40s.
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(60)))
            .addElements(at("/b", 5))
            .advanceWatermarkToInfinity();

    PCollection<List<KV<String, Long>>> top =
        p.apply(requests)
            .apply(
                TopEndpoints.create().withTopN(5).withAllowedLateness(Duration.standardSeconds(10)));

    PAssert.that(top).inOnTimePane(window(0)).containsInAnyOrder(ranking("/a", 2));
    PAssert.that(top)
        .containsInAnyOrder(ranking("/a", 2), ranking("/a", 2), ranking("/a", 2));
    p.run().waitUntilFinish();
  }

  @Test
  void requestsWithoutEndpointAreNotRanked() {
    LogRecord timeout = new LogRecord("h", T0.plus(1000), null, null, null, 408, 0);
    TestStream<LogRecord> requests =
        TestStream.create(LogRecordCoder.of())
            .addElements(TimestampedValue.of(timeout, timeout.getTimestamp()), at("/a", 2))
            .advanceWatermarkToInfinity();

    PCollection<List<KV<String, Long>>> top = p.apply(requests).apply(TopEndpoints.create());

    PAssert.that(top).inOnTimePane(window(0)).containsInAnyOrder(ranking("/a", 1));
    p.run().waitUntilFinish();
  }

  private static TimestampedValue<LogRecord> at(String endpoint, int secondsAfterT0) {
    Instant time = T0.plus(Duration.standardSeconds(secondsAfterT0));
    return TimestampedValue.of(
        new LogRecord("10.0.0.1", time, "GET", endpoint, "HTTP/1.1", 200, 100), time);
  }

  private static IntervalWindow window(int startSecondsAfterT0) {
    Instant start = T0.plus(Duration.standardSeconds(startSecondsAfterT0));
    return new IntervalWindow(start, Duration.standardSeconds(30));
  }

  /** Pairs of endpoint and count, in ranking order. */
  private static List<KV<String, Long>> ranking(Object... endpointsAndCounts) {
    KV<String, Long>[] ranked = new KV[endpointsAndCounts.length / 2];
    for (int i = 0; i < ranked.length; i++) {
      ranked[i] =
          KV.of((String) endpointsAndCounts[2 * i], ((Integer) endpointsAndCounts[2 * i + 1]).longValue());
    }
    return List.of(ranked);
  }
}
