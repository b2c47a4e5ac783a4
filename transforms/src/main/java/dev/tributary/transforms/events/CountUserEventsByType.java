package dev.tributary.transforms.events;

import dev.tributary.transforms.modes.CountByKey;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.modes.TriggerSpec;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Counts user events per event type ({@code login}, {@code logout}, {@code purchase}, {@code view}),
 * emitting {@code KV(event, count)} rows as {@link CountByKey} does: by default since the start of the job,
 * in {@link OutputMode#UPDATE} mode with the default trigger (after each batch, the types that changed with
 * their totals so far); {@link #withWindows} counts per event-time window instead. Types that never occur
 * have no row.
 */
public final class CountUserEventsByType
    extends PTransform<PCollection<UserEvent>, PCollection<KV<String, Long>>> {
  private final OutputMode mode;
  private final TriggerSpec trigger;
  private final @Nullable WindowFn<Object, ?> windows;

  /** Since the start, update mode, default trigger. */
  public static CountUserEventsByType create() {
    return new CountUserEventsByType(OutputMode.UPDATE, TriggerSpec.defaultTrigger(), null);
  }

  private CountUserEventsByType(
      OutputMode mode, TriggerSpec trigger, @Nullable WindowFn<Object, ?> windows) {
    this.mode = mode;
    this.trigger = trigger;
    this.windows = windows;
  }

  /** Append needs {@link #withWindows}, see {@link OutputMode#checkAggregation}. */
  public CountUserEventsByType withOutputMode(OutputMode mode) {
    return new CountUserEventsByType(mode, trigger, windows);
  }

  public CountUserEventsByType withTrigger(TriggerSpec trigger) {
    return new CountUserEventsByType(mode, trigger, windows);
  }

  /** Count per event-time window, e.g. {@code FixedWindows.of(Duration.standardMinutes(10))}. */
  public CountUserEventsByType withWindows(WindowFn<Object, ?> windows) {
    return new CountUserEventsByType(mode, trigger, windows);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<UserEvent> events) {
    CountByKey<String> count = CountByKey.<String>create().withOutputMode(mode).withTrigger(trigger);
    return events
        .apply("EventType", MapElements.into(TypeDescriptors.strings()).via(UserEvent::getEvent))
        .apply("CountPerType", windows == null ? count : count.withWindows(windows));
  }
}
