package dev.tributary.transforms.modes;

import static dev.tributary.transforms.modes.CountByKeyTest.at;
import static dev.tributary.transforms.modes.CountByKeyTest.window;

import java.util.Map;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** Complete output mode as whole tables, one per firing, under each trigger. */
class TabulateCountsTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void defaultTriggerEmitsTheWholeTableAfterEachBatch() {
    TestStream<String> keys =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("a", 1), at("a", 2), at("b", 3))
            .addElements(at("a", 4))
            .addElements(at("c", 5))
            .advanceWatermarkToInfinity();

    PCollection<Map<String, Long>> tables = p.apply(keys).apply(TabulateCounts.create());

    PAssert.that(tables)
        .containsInAnyOrder(
            Map.of("a", 2L, "b", 1L), Map.of("a", 3L, "b", 1L), Map.of("a", 3L, "b", 1L, "c", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void processingTimeTriggerEmitsTheWholeTableOncePerInterval() {
    TestStream<String> keys =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("a", 1), at("b", 2))
            .advanceProcessingTime(Duration.standardSeconds(1))
            .addElements(at("a", 3))
            .advanceProcessingTime(Duration.standardSeconds(10))
            .addElements(at("b", 4))
            .advanceProcessingTime(Duration.standardSeconds(10))
            // No new data in this interval: no firing.
            .advanceProcessingTime(Duration.standardSeconds(10))
            .advanceWatermarkToInfinity();

    PCollection<Map<String, Long>> tables =
        p.apply(keys)
            .apply(
                TabulateCounts.<String>create()
                    .withTrigger(TriggerSpec.parse("processingTime=5s")));

    PAssert.that(tables)
        .inEarlyGlobalWindowPanes()
        .containsInAnyOrder(Map.of("a", 2L, "b", 1L), Map.of("a", 2L, "b", 2L));
    PAssert.that(tables).containsInAnyOrder(Map.of("a", 2L, "b", 1L), Map.of("a", 2L, "b", 2L));
    p.run().waitUntilFinish();
  }

  @Test
  void onceTriggerEmitsOneTableWhenTheInputEnds() {
    TestStream<String> keys =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("a", 1), at("b", 2))
            .advanceProcessingTime(Duration.standardSeconds(10))
            .addElements(at("a", 3))
            .advanceWatermarkToInfinity();

    PCollection<Map<String, Long>> tables =
        p.apply(keys).apply(TabulateCounts.<String>create().withTrigger(TriggerSpec.once()));

    PAssert.that(tables).inOnTimePane(GlobalWindow.INSTANCE).containsInAnyOrder(Map.of("a", 2L, "b", 1L));
    PAssert.that(tables).containsInAnyOrder(Map.of("a", 2L, "b", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void availableNowOnEmptyBoundedInputEmitsOneEmptyTable() {
    PCollection<Map<String, Long>> tables =
        p.apply(Create.empty(StringUtf8Coder.of()))
            .apply(TabulateCounts.<String>create().withTrigger(TriggerSpec.availableNow()));

    PAssert.that(tables).containsInAnyOrder(Map.of());
    p.run().waitUntilFinish();
  }

  @Test
  void withEventTimeWindowsEachWindowEmitsItsWholeTable() {
    TestStream<String> keys =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("a", 1), at("b", 12))
            .addElements(at("c", 2))
            .advanceWatermarkToInfinity();

    PCollection<Map<String, Long>> tables =
        p.apply(keys)
            .apply(
                TabulateCounts.<String>create()
                    .withWindows(FixedWindows.of(Duration.standardSeconds(10))));

    PAssert.that(tables)
        .inWindow(window(0))
        .containsInAnyOrder(Map.of("a", 1L), Map.of("a", 1L, "c", 1L));
    PAssert.that(tables).inWindow(window(10)).containsInAnyOrder(Map.of("b", 1L));
    p.run().waitUntilFinish();
  }
}
