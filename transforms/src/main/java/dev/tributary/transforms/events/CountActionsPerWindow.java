package dev.tributary.transforms.events;

import dev.tributary.transforms.modes.CountByKey;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.modes.TriggerSpec;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * Counts {@code Open} and {@code Close} actions per fixed event-time window, 1 hour by default: the
 * Databricks sample's {@code groupBy(action, window(time, "1 hour")).count()}. Emits {@code KV(action,
 * count)} in each window, for the actions present in it.
 *
 * <p>Timing follows {@link CountByKey}: in the default {@link OutputMode#APPEND} mode each window gives one
 * row per action, on time, when the watermark passes its end, and actions behind the watermark are dropped;
 * {@link OutputMode#UPDATE} and {@link OutputMode#COMPLETE} fire as the {@link TriggerSpec} says. Event time
 * is the element's timestamp: stamp the events first, e.g. {@code WithTimestamps.of(ActionEvent::getTime)}.
 */
public final class CountActionsPerWindow
    extends PTransform<PCollection<ActionEvent>, PCollection<KV<String, Long>>> {
  private final Duration size;
  private final OutputMode mode;
  private final TriggerSpec trigger;

  /** 1-hour windows, append mode. */
  public static CountActionsPerWindow create() {
    return new CountActionsPerWindow(
        Duration.standardHours(1), OutputMode.APPEND, TriggerSpec.defaultTrigger());
  }

  private CountActionsPerWindow(Duration size, OutputMode mode, TriggerSpec trigger) {
    this.size = size;
    this.mode = mode;
    this.trigger = trigger;
  }

  public CountActionsPerWindow withWindowSize(Duration size) {
    if (!size.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("window size must be positive, got " + size);
    }
    return new CountActionsPerWindow(size, mode, trigger);
  }

  public CountActionsPerWindow withOutputMode(OutputMode mode) {
    return new CountActionsPerWindow(size, mode, trigger);
  }

  /** When update and complete modes fire; append ignores it. */
  public CountActionsPerWindow withTrigger(TriggerSpec trigger) {
    return new CountActionsPerWindow(size, mode, trigger);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<ActionEvent> events) {
    return events
        .apply("Action", MapElements.into(TypeDescriptors.strings()).via(ActionEvent::getAction))
        .apply(
            "CountPerWindow",
            CountByKey.<String>create()
                .withOutputMode(mode)
                .withTrigger(trigger)
                .withWindows(FixedWindows.of(size)));
  }
}
