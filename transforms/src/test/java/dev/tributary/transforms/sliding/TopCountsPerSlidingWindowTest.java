package dev.tributary.transforms.sliding;

import static dev.tributary.transforms.sliding.CountPerSlidingWindowTest.T0;
import static dev.tributary.transforms.sliding.CountPerSlidingWindowTest.at;
import static dev.tributary.transforms.sliding.CountPerSlidingWindowTest.busiest;
import static dev.tributary.transforms.sliding.CountPerSlidingWindowTest.difference;
import static dev.tributary.transforms.sliding.CountPerSlidingWindowTest.inBatches;
import static dev.tributary.transforms.sliding.CountPerSlidingWindowTest.randomEvents;
import static dev.tributary.transforms.sliding.CountPerSlidingWindowTest.total;
import static dev.tributary.transforms.sliding.CountPerSlidingWindowTest.window;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tributary.transforms.common.TopCountsFn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link TopCountsPerSlidingWindow}: exact rankings per window, and the same as plain sliding windows. */
class TopCountsPerSlidingWindowTest {
  private static final Duration SIZE = Duration.standardSeconds(30);
  private static final Duration SLIDE = Duration.standardSeconds(10);

  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void ranksEachWindowByCountThenKey() {
    TestStream<String> tags =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("#z", 1), at("#m", 2), at("#a", 3), at("#m", 4))
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(10)))
            .addElements(at("#z", 12), at("#z", 13), at("#b", 14))
            .advanceWatermarkToInfinity();

    PCollection<List<KV<String, Long>>> top =
        p.apply(tags).apply(TopCountsPerSlidingWindow.<String>create().withTopN(2).withWindow(SIZE, SLIDE));

    // #a and #z tie at 1: #a wins by name.
    PAssert.that(top).inOnTimePane(window(-20)).containsInAnyOrder(ranking("#m", 2, "#a", 1));
    PAssert.that(top).inOnTimePane(window(-10)).containsInAnyOrder(ranking("#z", 3, "#m", 2));
    PAssert.that(top).inOnTimePane(window(0)).containsInAnyOrder(ranking("#z", 3, "#m", 2));
    PAssert.that(top).inOnTimePane(window(10)).containsInAnyOrder(ranking("#z", 2, "#b", 1));
    PAssert.that(total(top)).containsInAnyOrder(4L);
    p.run().waitUntilFinish();
  }

  @Test
  void sameRankingsAsPlainSlidingWindowsWithTopCountsFn() {
    List<TimestampedValue<String>> events = randomEvents(new Random(11), 200);
    PCollection<String> input = p.apply(inBatches(events, true));

    PCollection<List<KV<String, Long>>> ours =
        input.apply("Ours", TopCountsPerSlidingWindow.<String>create().withTopN(3).withWindow(SIZE, SLIDE));
    PCollection<List<KV<String, Long>>> plain =
        input
            .apply("Plain", Window.into(SlidingWindows.of(SIZE).every(SLIDE)))
            .apply("RankPlain", Combine.globally(TopCountsFn.<String>of(3)).withoutDefaults());

    PAssert.that(difference(ours, plain)).empty();
    Map<IntervalWindow, Map<String, Long>> expected =
        CountPerSlidingWindowTest.bruteForce(events, SIZE, SLIDE);
    PAssert.that(total(ours)).containsInAnyOrder((long) expected.size());
    for (IntervalWindow w : busiest(expected, 2)) {
      PAssert.that("window " + w, ours)
          .inOnTimePane(w)
          .containsInAnyOrder(TopCountsFn.<String>of(3).apply(expand(expected.get(w))));
    }
    p.run().waitUntilFinish();
  }

  @Test
  void rejectsANonPositiveN() {
    assertThrows(
        IllegalArgumentException.class, () -> TopCountsPerSlidingWindow.<String>create().withTopN(0));
  }

  private static List<String> expand(Map<String, Long> counts) {
    List<String> keys = new ArrayList<>();
    counts.forEach(
        (k, n) -> {
          for (long i = 0; i < n; i++) {
            keys.add(k);
          }
        });
    return keys;
  }

  /** Pairs of tag and count, in ranking order. */
  private static List<KV<String, Long>> ranking(Object... tagsAndCounts) {
    List<KV<String, Long>> ranked = new ArrayList<>();
    for (int i = 0; i < tagsAndCounts.length; i += 2) {
      ranked.add(KV.of((String) tagsAndCounts[i], ((Integer) tagsAndCounts[i + 1]).longValue()));
    }
    return ranked;
  }
}
