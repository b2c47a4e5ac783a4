package dev.tributary.transforms.words;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.modes.TriggerSpec;
import org.apache.beam.sdk.coders.StringUtf8Coder;
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
 * Per-window counts of {@link WindowedWordCounts}. With 20 s windows every 10 s, a line at {@code T0 + 5 s}
 * counts in the windows starting at {@code T0 - 10 s} and {@code T0}.
 */
class WindowedWordCountsTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void countsEachTwentySecondWindowEveryTenSecondsOnTime() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(line("a b", 5), line("a", 8))
            .addElements(line("b c", 15))
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(20)))
            .addElements(line("c", 25))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts = p.apply(lines).apply(WindowedWordCounts.create());

    PAssert.that(counts).inOnTimePane(window(-10, 20)).containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L));
    PAssert.that(counts)
        .inOnTimePane(window(0, 20))
        .containsInAnyOrder(KV.of("a", 2L), KV.of("b", 2L), KV.of("c", 1L));
    PAssert.that(counts).inOnTimePane(window(10, 20)).containsInAnyOrder(KV.of("b", 1L), KV.of("c", 2L));
    PAssert.that(counts).inOnTimePane(window(20, 20)).containsInAnyOrder(KV.of("c", 1L));
    // Nothing else: one on-time row per word per window.
    PAssert.that(counts)
        .containsInAnyOrder(
            KV.of("a", 2L), KV.of("b", 1L),
            KV.of("a", 2L), KV.of("b", 2L), KV.of("c", 1L),
            KV.of("b", 1L), KV.of("c", 2L),
            KV.of("c", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void windowSizesAreConfigurable() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(line("x", 1), line("x", 4), line("x", 6))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts =
        p.apply(lines)
            .apply(
                WindowedWordCounts.create()
                    .withWindow(Duration.standardSeconds(5), Duration.standardSeconds(5)));

    PAssert.that(counts).inOnTimePane(window(0, 5)).containsInAnyOrder(KV.of("x", 2L));
    PAssert.that(counts).inOnTimePane(window(5, 5)).containsInAnyOrder(KV.of("x", 1L));
    PAssert.that(counts).containsInAnyOrder(KV.of("x", 2L), KV.of("x", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void rejectsASlideLongerThanTheWindow() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WindowedWordCounts.create()
                .withWindow(Duration.standardSeconds(10), Duration.standardSeconds(20)));
  }

  @Test
  void updateModeShowsEachWindowsChangedCountsAsTheyCome() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(line("a b", 5))
            .addElements(line("a", 12))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts =
        p.apply(lines)
            .apply(WindowedWordCounts.create().withOutputMode(OutputMode.UPDATE).withTrigger(TriggerSpec.defaultTrigger()));

    // [0 s, 20 s) fires after each addition: a 1 and b 1, then only the changed a, 2.
    PAssert.that(counts)
        .inWindow(window(0, 20))
        .containsInAnyOrder(KV.of("a", 1L), KV.of("b", 1L), KV.of("a", 2L));
    PAssert.that(counts).inWindow(window(-10, 20)).containsInAnyOrder(KV.of("a", 1L), KV.of("b", 1L));
    PAssert.that(counts).inWindow(window(10, 20)).containsInAnyOrder(KV.of("a", 1L));
    p.run().waitUntilFinish();
  }

  private static TimestampedValue<String> line(String text, int secondsAfterT0) {
    return TimestampedValue.of(text, T0.plus(Duration.standardSeconds(secondsAfterT0)));
  }

  private static IntervalWindow window(int startSecondsAfterT0, int sizeSeconds) {
    return new IntervalWindow(
        T0.plus(Duration.standardSeconds(startSecondsAfterT0)), Duration.standardSeconds(sizeSeconds));
  }
}
