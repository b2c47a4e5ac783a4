package dev.tributary.transforms.modes;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Exact rows per window and pane of {@link CountByKey} in each output mode and under each trigger. Each
 * {@code addElements} is one batch: the Direct runner hands it over as one bundle.
 */
class CountByKeyTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final FixedWindows TEN_SECONDS = FixedWindows.of(Duration.standardSeconds(10));

  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void appendEmitsEachWindowOnceWhenTheWatermarkPassesItsEnd() {
    TestStream<String> keys =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("a", 1), at("a", 2), at("b", 3))
            // The processing-time trigger does not apply to append: no early row for window 0.
            .advanceProcessingTime(Duration.standardSeconds(30))
            .addElements(at("b", 12))
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(10)))
            .addElements(at("b", 14))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts =
        p.apply(keys)
            .apply(
                CountByKey.<String>create()
                    .withOutputMode(OutputMode.APPEND)
                    .withTrigger(TriggerSpec.processingTime(Duration.standardSeconds(5)))
                    .withWindows(TEN_SECONDS));

    PAssert.that(counts).inOnTimePane(window(0)).containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L));
    PAssert.that(counts).inOnTimePane(window(10)).containsInAnyOrder(KV.of("b", 2L));
    PAssert.that(counts).containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L), KV.of("b", 2L));
    p.run().waitUntilFinish();
  }

  @Test
  void appendDropsDataBehindTheWatermark() {
    TestStream<String> keys =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("a", 1))
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(20)))
            .addElements(at("a", 5), at("a", 25))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts =
        p.apply(keys)
            .apply(CountByKey.<String>create().withOutputMode(OutputMode.APPEND).withWindows(TEN_SECONDS));

    PAssert.that(counts).inOnTimePane(window(0)).containsInAnyOrder(KV.of("a", 1L));
    PAssert.that(counts).inOnTimePane(window(20)).containsInAnyOrder(KV.of("a", 1L));
    PAssert.that(counts).containsInAnyOrder(KV.of("a", 1L), KV.of("a", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void appendUsesTheWindowsTheInputAlreadyHas() {
    PCollection<KV<String, Long>> counts =
        p.apply(Create.timestamped(at("a", 1), at("a", 11), at("a", 12)))
            .apply(Window.into(TEN_SECONDS))
            .apply(CountByKey.<String>create().withOutputMode(OutputMode.APPEND));

    PAssert.that(counts).inOnTimePane(window(0)).containsInAnyOrder(KV.of("a", 1L));
    PAssert.that(counts).inOnTimePane(window(10)).containsInAnyOrder(KV.of("a", 2L));
    p.run().waitUntilFinish();
  }

  @Test
  void appendWithoutEventTimeWindowsIsRejected() {
    PCollection<String> keys = p.apply(Create.of("a", "b"));
    CountByKey<String> appendSinceStart = CountByKey.<String>create().withOutputMode(OutputMode.APPEND);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> keys.apply(appendSinceStart));
    assertTrue(e.getMessage().startsWith("append output mode needs an aggregation over event-time windows"));
    assertTrue(e.getMessage().contains("without watermark"), e.getMessage());
  }

  @Test
  void updateWithDefaultTriggerEmitsOnlyTheKeysThatChangedInEachBatch() {
    TestStream<String> keys =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("a", 1), at("a", 2), at("b", 3))
            .addElements(at("a", 4))
            .addElements(at("c", 5))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts = p.apply(keys).apply(CountByKey.create());

    // b is not repeated when only a changed, and nothing is repeated when the input ends.
    PAssert.that(counts)
        .containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L), KV.of("a", 3L), KV.of("c", 1L));
    PAssert.that(counts)
        .inEarlyGlobalWindowPanes()
        .containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L), KV.of("a", 3L), KV.of("c", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void updateWithProcessingTimeTriggerEmitsOncePerInterval() {
    TestStream<String> keys =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("a", 1), at("b", 2))
            .advanceProcessingTime(Duration.standardSeconds(1))
            .addElements(at("a", 3))
            // Past the next 5 s boundary: a and b fire once, a with both of its batches.
            .advanceProcessingTime(Duration.standardSeconds(10))
            .addElements(at("b", 4))
            .advanceProcessingTime(Duration.standardSeconds(10))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts =
        p.apply(keys)
            .apply(
                CountByKey.<String>create()
                    .withTrigger(TriggerSpec.processingTime(Duration.standardSeconds(5))));

    PAssert.that(counts).containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L), KV.of("b", 2L));
    p.run().waitUntilFinish();
  }

  @Test
  void updateWithOnceTriggerEmitsOneRowPerKeyWhenTheInputEnds() {
    TestStream<String> keys =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("a", 1), at("b", 2))
            .advanceProcessingTime(Duration.standardSeconds(10))
            .addElements(at("a", 3), at("a", 4))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts =
        p.apply(keys).apply(CountByKey.<String>create().withTrigger(TriggerSpec.once()));

    PAssert.that(counts)
        .inOnTimePane(GlobalWindow.INSTANCE)
        .containsInAnyOrder(KV.of("a", 3L), KV.of("b", 1L));
    PAssert.that(counts).containsInAnyOrder(KV.of("a", 3L), KV.of("b", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void updateWithAvailableNowTriggerOnBoundedInputEmitsTheFinalCounts() {
    PCollection<KV<String, Long>> counts =
        p.apply(Create.of("a", "b", "a"))
            .apply(CountByKey.<String>create().withTrigger(TriggerSpec.availableNow()));

    PAssert.that(counts)
        .inOnTimePane(GlobalWindow.INSTANCE)
        .containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L));
    PAssert.that(counts).containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void updateWithEventTimeWindowsEmitsChangedKeysPerWindow() {
    TestStream<String> keys =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("a", 1))
            .addElements(at("a", 2), at("b", 12))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts =
        p.apply(keys).apply(CountByKey.<String>create().withWindows(TEN_SECONDS));

    PAssert.that(counts).inWindow(window(0)).containsInAnyOrder(KV.of("a", 1L), KV.of("a", 2L));
    PAssert.that(counts).inWindow(window(10)).containsInAnyOrder(KV.of("b", 1L));
    PAssert.that(counts).containsInAnyOrder(KV.of("a", 1L), KV.of("a", 2L), KV.of("b", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void completeEmitsEveryKeyAtEveryFiring() {
    TestStream<String> keys =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("a", 1), at("a", 2), at("b", 3))
            .addElements(at("a", 4))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts =
        p.apply(keys).apply(CountByKey.<String>create().withOutputMode(OutputMode.COMPLETE));

    // The second firing repeats b although only a changed.
    PAssert.that(counts)
        .inEarlyGlobalWindowPanes()
        .containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L), KV.of("a", 3L), KV.of("b", 1L));
    PAssert.that(counts)
        .containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L), KV.of("a", 3L), KV.of("b", 1L));
    p.run().waitUntilFinish();
  }

  static TimestampedValue<String> at(String key, int secondsAfterT0) {
    return TimestampedValue.of(key, T0.plus(Duration.standardSeconds(secondsAfterT0)));
  }

  static IntervalWindow window(int startSecondsAfterT0) {
    return new IntervalWindow(
        T0.plus(Duration.standardSeconds(startSecondsAfterT0)), Duration.standardSeconds(10));
  }
}
