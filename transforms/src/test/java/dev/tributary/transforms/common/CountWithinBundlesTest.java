package dev.tributary.transforms.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Partial counts per bundle add up to exact totals per window, also when a bundle spans more windows and
 * keys than the tables may hold at once (so that tables are emitted early, and a window gets several).
 */
class CountWithinBundlesTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void partialTablesAddUpToExactTotalsPerWindow() {
    List<TimestampedValue<String>> input = new ArrayList<>();
    Map<Integer, Map<String, Long>> expected = new HashMap<>();
    // 20 one-minute windows, visited twice in turn, with 30 keys each.
    for (int round = 0; round < 2; round++) {
      for (int w = 0; w < 20; w++) {
        for (int i = 0; i < 60; i++) {
          String key = "k" + (i % 30);
          input.add(TimestampedValue.of(key, T0.plus(Duration.standardMinutes(w)).plus(i * 100L)));
          expected.computeIfAbsent(w, x -> new HashMap<>()).merge(key, 1L, Long::sum);
        }
      }
    }

    PCollection<Map<String, Long>> totals =
        p.apply(Create.timestamped(input).withCoder(StringUtf8Coder.of()))
            .apply(Window.into(FixedWindows.of(Duration.standardMinutes(1))))
            // At most 3 windows and 50 keys open at once: most tables are emitted before the bundle ends.
            .apply(CountWithinBundles.<String>create().withLimits(3, 50))
            .apply(Combine.globally(MergeCountTablesFn.<String>create()).withoutDefaults());

    for (int w = 0; w < 20; w++) {
      IntervalWindow window =
          new IntervalWindow(T0.plus(Duration.standardMinutes(w)), Duration.standardMinutes(1));
      PAssert.that(totals).inOnTimePane(window).containsInAnyOrder(expected.get(w));
    }
    p.run().waitUntilFinish();
  }
}
