package dev.tributary.transforms.modes;

import dev.tributary.transforms.common.CountsByKeyFn;
import java.util.Map;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Counts each key in complete output mode: every firing emits one element, the whole table of counts so
 * far (per window), changed keys or not. One global combine holds the table, because an accumulating pane
 * of a per-key count would only carry the keys that changed since the previous firing. For small key sets,
 * since every firing carries all keys.
 *
 * <p>Without {@link #withWindows} (and on globally windowed input) the table covers everything since the
 * start; on bounded input with no element it is one empty table. With event-time windows, each window's
 * table is emitted at each of its firings, until the watermark passes its end. Firing times follow the
 * {@link TriggerSpec}, see {@link WindowForOutputMode}.
 */
public final class TabulateCounts<K> extends PTransform<PCollection<K>, PCollection<Map<K, Long>>> {
  private final TriggerSpec trigger;
  private final @Nullable WindowFn<? super K, ?> windows;

  /** Default trigger, the input's windows. */
  public static <K> TabulateCounts<K> create() {
    return new TabulateCounts<>(TriggerSpec.defaultTrigger(), null);
  }

  private TabulateCounts(TriggerSpec trigger, @Nullable WindowFn<? super K, ?> windows) {
    this.trigger = trigger;
    this.windows = windows;
  }

  public TabulateCounts<K> withTrigger(TriggerSpec trigger) {
    return new TabulateCounts<>(trigger, windows);
  }

  public TabulateCounts<K> withWindows(WindowFn<? super K, ?> windows) {
    return new TabulateCounts<>(trigger, windows);
  }

  @Override
  public PCollection<Map<K, Long>> expand(PCollection<K> keys) {
    WindowForOutputMode<K> windowing =
        WindowForOutputMode.<K>create().withOutputMode(OutputMode.COMPLETE).withTrigger(trigger);
    PCollection<K> windowed =
        keys.apply("WindowForCompleteMode", windows == null ? windowing : windowing.withWindows(windows));
    Combine.Globally<K, Map<K, Long>> count = Combine.globally(CountsByKeyFn.<K>create());
    if (!(windowed.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
      count = count.withoutDefaults();
    }
    return windowed.apply("CountIntoOneTable", count);
  }
}
