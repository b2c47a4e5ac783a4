package dev.tributary.transforms.events;

import java.util.List;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * Sums {@code activity_count} per {@code activity_type} per sliding event-time window: by default windows of
 * 1 day starting every hour (aligned to the epoch, so on the hour, UTC), the seeds' {@code
 * groupBy(window(activity_time, "1 day", "1 hour"), activity_type).sum("activity_count")}.
 *
 * <p>Output: for every window holding at least one event, one element, in that window: the {@code (type,
 * sum)} pairs of the window ordered by type. The windows themselves are elements of a Beam collection and
 * have no order; the project's sinks present them in window order (as {@code ConsoleIO} does for bounded
 * input), so a result reads ordered by window, then type. An event counts in every window that holds it
 * ({@code size / slide} of them, 24 by default).
 *
 * <p>Event time is the element's timestamp: stamp the events first, e.g. {@code
 * WithTimestamps.of(ActivityEvent::getTime)}. Timing: each window fires once, when the watermark passes its
 * end; events already behind the watermark are dropped by Beam (counted in the runner's dropped-data
 * metric), there is no allowed lateness. Any trigger set upstream is replaced.
 */
public final class SumActivityPerWindow
    extends PTransform<PCollection<ActivityEvent>, PCollection<List<KV<String, Long>>>> {
  private final Duration size;
  private final Duration slide;

  /** 1-day windows every hour. */
  public static SumActivityPerWindow create() {
    return new SumActivityPerWindow(Duration.standardDays(1), Duration.standardHours(1));
  }

  private SumActivityPerWindow(Duration size, Duration slide) {
    this.size = size;
    this.slide = slide;
  }

  /** Windows {@code size} long starting every {@code slide}; {@code slide == size} gives fixed windows. */
  public SumActivityPerWindow withWindow(Duration size, Duration slide) {
    if (!size.isLongerThan(Duration.ZERO) || !slide.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("window size and slide must be positive");
    }
    if (slide.isLongerThan(size)) {
      throw new IllegalArgumentException(
          "window slide " + slide + " is longer than its size " + size + ": events would be skipped");
    }
    return new SumActivityPerWindow(size, slide);
  }

  @Override
  public PCollection<List<KV<String, Long>>> expand(PCollection<ActivityEvent> events) {
    return events
        .apply(
            "SlidingWindows",
            Window.<ActivityEvent>into(SlidingWindows.of(size).every(slide))
                .triggering(AfterWatermark.pastEndOfWindow())
                .withAllowedLateness(Duration.ZERO)
                .discardingFiredPanes())
        .apply("SumPerType", Combine.globally(new SumsByTypeFn()).withoutDefaults());
  }
}
