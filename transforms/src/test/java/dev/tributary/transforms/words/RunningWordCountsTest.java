package dev.tributary.transforms.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tributary.transforms.common.CounterTotals;
import dev.tributary.transforms.modes.TriggerSpec;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Running totals across batches. Each {@code addElements} is one batch (one bundle on the Direct runner);
 * {@code advanceProcessingTime} is the time between batches. Event time plays no part.
 */
class RunningWordCountsTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void totalsPersistAcrossBatchesAndOnlyChangedWordsAreEmitted() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(line("a a"), line("b"))
            .advanceProcessingTime(Duration.standardSeconds(1))
            .addElements(line("a c"))
            .advanceProcessingTime(Duration.standardSeconds(1))
            .addElements(line("b b"))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> totals = p.apply(lines).apply(RunningWordCounts.create());

    PAssert.that(totals)
        .containsInAnyOrder(
            KV.of("a", 2L), KV.of("b", 1L), // batch 1
            KV.of("a", 3L), KV.of("c", 1L), // batch 2
            KV.of("b", 3L)); // batch 3
    p.run().waitUntilFinish();
  }

  @Test
  void processingTimeTriggerSetsTheBatchInterval() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(line("a"))
            .advanceProcessingTime(Duration.standardSeconds(2))
            .addElements(line("a b"))
            .advanceProcessingTime(Duration.standardSeconds(10))
            .addElements(line("a"))
            .advanceProcessingTime(Duration.standardSeconds(10))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> totals =
        p.apply(lines)
            .apply(RunningWordCounts.create().withTrigger(TriggerSpec.parse("processingTime=5s")));

    // The first two bundles fall in one 5 s interval: one batch, one row per word.
    PAssert.that(totals).containsInAnyOrder(KV.of("a", 2L), KV.of("b", 1L), KV.of("a", 3L));
    p.run().waitUntilFinish();
  }

  @Test
  void onceTriggerMakesOneBatchOfTheWholeInput() {
    PCollection<KV<String, Long>> totals =
        p.apply(Create.of("a b", "a", "c a"))
            .apply(RunningWordCounts.create().withTrigger(TriggerSpec.once()));

    PAssert.that(totals).containsInAnyOrder(KV.of("a", 3L), KV.of("b", 1L), KV.of("c", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void anIdleWordExpiresAndRestartsFromZero() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(line("a a b")) // t=0s
            .advanceProcessingTime(Duration.standardSeconds(20))
            .addElements(line("a")) // t=20s: a's expiry moves to 50s; b expires at 30s
            .advanceProcessingTime(Duration.standardSeconds(20))
            .addElements(line("a b")) // t=40s: a is alive, b restarts at 0
            .advanceProcessingTime(Duration.standardSeconds(60)) // both expire at 70s
            .addElements(line("a")) // t=100s: a restarts at 0
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> totals =
        p.apply(lines).apply(RunningWordCounts.create().withIdleExpiry(Duration.standardSeconds(30)));

    PAssert.that(totals)
        .containsInAnyOrder(
            KV.of("a", 2L), KV.of("b", 1L), // t=0s
            KV.of("a", 3L), // t=20s
            KV.of("a", 4L), KV.of("b", 1L), // t=40s
            KV.of("a", 1L)); // t=100s
    PipelineResult result = p.run();
    result.waitUntilFinish();
    // b at 30s, a and b at 70s; a's last timer (130s) is never reached.
    assertEquals(
        3L, CounterTotals.of(result, RunningWordCounts.NAMESPACE, RunningWordCounts.EXPIRED));
  }

  @Test
  void withoutExpiryAWordIsNeverForgotten() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(line("a"))
            .advanceProcessingTime(Duration.standardDays(30))
            .addElements(line("a"))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> totals = p.apply(lines).apply(RunningWordCounts.create());

    PAssert.that(totals).containsInAnyOrder(KV.of("a", 1L), KV.of("a", 2L));
    p.run().waitUntilFinish();
  }

  @Test
  void theDefaultTriggerGroupsNothingSoExpiryCanFreeEveryWord() {
    // A grouping in the global window keeps bookkeeping for each word it has seen until the end of time.
    assertEquals(0, groupings(RunningWordCounts.create().withIdleExpiry(Duration.standardSeconds(5))));
    assertEquals(
        1, groupings(RunningWordCounts.create().withTrigger(TriggerSpec.parse("processingTime=1s"))));
  }

  private static int groupings(RunningWordCounts totals) {
    Pipeline pipeline = Pipeline.create();
    pipeline.apply(Create.of("a b")).apply(totals);
    int[] n = {0};
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            if (node.getTransform() instanceof GroupByKey) {
              n[0]++;
            }
          }
        });
    return n[0];
  }

  @Test
  void rejectsANonPositiveExpiry() {
    assertThrows(
        IllegalArgumentException.class, () -> RunningWordCounts.create().withIdleExpiry(Duration.ZERO));
  }

  private static TimestampedValue<String> line(String text) {
    return TimestampedValue.of(text, T0);
  }
}
