package dev.tributary.transforms.words;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.modes.TriggerSpec;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The socket word count core over the same two batches of lines, in each output mode. */
class CountWordsTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  /** Batch 1: "to be or", "not to be" at 1 s and 2 s; batch 2: "to" at 12 s. */
  private static TestStream<String> twoBatches() {
    return TestStream.create(StringUtf8Coder.of())
        .addElements(line("to be or", 1), line("not to be", 2))
        .addElements(line("to", 12))
        .advanceWatermarkToInfinity();
  }

  @Test
  void updateModeEmitsTheWordsOfEachBatchWithTheirTotals() {
    PCollection<KV<String, Long>> counts =
        p.apply(twoBatches()).apply(CountWords.create().withOutputMode(OutputMode.UPDATE));

    PAssert.that(counts)
        .containsInAnyOrder(
            KV.of("to", 2L), KV.of("be", 2L), KV.of("or", 1L), KV.of("not", 1L), KV.of("to", 3L));
    p.run().waitUntilFinish();
  }

  @Test
  void completeModeEmitsEveryWordAfterEachBatch() {
    PCollection<KV<String, Long>> counts =
        p.apply(twoBatches()).apply(CountWords.create().withOutputMode(OutputMode.COMPLETE));

    PAssert.that(counts)
        .containsInAnyOrder(
            KV.of("to", 2L), KV.of("be", 2L), KV.of("or", 1L), KV.of("not", 1L),
            KV.of("to", 3L), KV.of("be", 2L), KV.of("or", 1L), KV.of("not", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void appendModeEmitsEachTenSecondWindowOnceWhenFinal() {
    PCollection<KV<String, Long>> counts =
        p.apply(twoBatches())
            .apply(
                CountWords.create()
                    .withOutputMode(OutputMode.APPEND)
                    .withWindows(FixedWindows.of(Duration.standardSeconds(10))));

    PAssert.that(counts)
        .inOnTimePane(window(0))
        .containsInAnyOrder(KV.of("to", 2L), KV.of("be", 2L), KV.of("or", 1L), KV.of("not", 1L));
    PAssert.that(counts).inOnTimePane(window(10)).containsInAnyOrder(KV.of("to", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void appendModeWithoutWindowsIsRejected() {
    PCollection<String> lines = p.apply(Create.of("to be"));
    assertThrows(
        IllegalArgumentException.class,
        () -> lines.apply(CountWords.create().withOutputMode(OutputMode.APPEND)));
  }

  @Test
  void onceTriggerCountsTheWholeInputInOneFiring() {
    PCollection<KV<String, Long>> counts =
        p.apply(twoBatches()).apply(CountWords.create().withTrigger(TriggerSpec.once()));

    PAssert.that(counts)
        .inOnTimePane(GlobalWindow.INSTANCE)
        .containsInAnyOrder(KV.of("to", 3L), KV.of("be", 2L), KV.of("or", 1L), KV.of("not", 1L));
    p.run().waitUntilFinish();
  }

  private static TimestampedValue<String> line(String text, int secondsAfterT0) {
    return TimestampedValue.of(text, T0.plus(Duration.standardSeconds(secondsAfterT0)));
  }

  private static IntervalWindow window(int startSecondsAfterT0) {
    return new IntervalWindow(
        T0.plus(Duration.standardSeconds(startSecondsAfterT0)), Duration.standardSeconds(10));
  }
}
