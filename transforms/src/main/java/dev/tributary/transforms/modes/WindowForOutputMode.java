package dev.tributary.transforms.modes;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Sets the windowing and triggering that an {@link OutputMode} and a {@link TriggerSpec} need, just ahead
 * of an aggregation (a per-key count, a global combine). The elements are unchanged.
 *
 * <ul>
 *   <li>{@link OutputMode#APPEND}: fire each window once, when the watermark passes its end ({@code
 *       AfterWatermark.pastEndOfWindow()}), discarding. The trigger spec is not used: Spark's trigger only
 *       decides in which micro-batch a final window shows up, Beam emits it as soon as it is final. Needs
 *       event-time windows, see {@link OutputMode#checkAggregation}.
 *   <li>{@link OutputMode#UPDATE} and {@link OutputMode#COMPLETE}: fire by {@link TriggerSpec#toTrigger()},
 *       accumulating, so each firing carries the totals so far, not the increments. A per-key aggregation
 *       then emits only the keys that changed since their previous firing (update); a global combine emits
 *       the whole table (complete).
 * </ul>
 *
 * <p>The windows are those given to {@link #withWindows}, or else the input's. Allowed lateness is zero:
 * the watermark of the source is the lateness bound, and data behind it is dropped, as Spark drops rows
 * behind its watermark. Once a window is closed, only windows that received new data fire again ({@code
 * OnTimeBehavior.FIRE_IF_NON_EMPTY}), so no firing repeats an unchanged result.
 */
public final class WindowForOutputMode<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private final OutputMode mode;
  private final TriggerSpec trigger;
  private final @Nullable WindowFn<? super T, ?> windows;

  /** Update mode, default trigger, the input's windows. */
  public static <T> WindowForOutputMode<T> create() {
    return new WindowForOutputMode<>(OutputMode.UPDATE, TriggerSpec.defaultTrigger(), null);
  }

  private WindowForOutputMode(
      OutputMode mode, TriggerSpec trigger, @Nullable WindowFn<? super T, ?> windows) {
    this.mode = mode;
    this.trigger = trigger;
    this.windows = windows;
  }

  public WindowForOutputMode<T> withOutputMode(OutputMode mode) {
    return new WindowForOutputMode<>(mode, trigger, windows);
  }

  public WindowForOutputMode<T> withTrigger(TriggerSpec trigger) {
    return new WindowForOutputMode<>(mode, trigger, windows);
  }

  /** Window the input into these (event-time) windows instead of keeping its own. */
  public WindowForOutputMode<T> withWindows(WindowFn<? super T, ?> windows) {
    return new WindowForOutputMode<>(mode, trigger, windows);
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    WindowFn<?, ?> effective = windows != null ? windows : input.getWindowingStrategy().getWindowFn();
    mode.checkAggregation(!(effective instanceof GlobalWindows));

    Window<T> window = windows != null ? Window.<T>into(windows) : Window.<T>configure();
    if (mode == OutputMode.APPEND) {
      window = window.triggering(AfterWatermark.pastEndOfWindow()).discardingFiredPanes();
    } else {
      window =
          window
              .triggering(trigger.toTrigger())
              .accumulatingFiredPanes()
              .withOnTimeBehavior(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY);
    }
    return input.apply("WindowAndTrigger", window.withAllowedLateness(Duration.ZERO));
  }
}
