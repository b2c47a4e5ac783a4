package dev.tributary.transforms.words;

import dev.tributary.transforms.modes.CountByKey;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.modes.TriggerSpec;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The socket word count's core: lines in, {@code KV(word, count)} rows out, in the chosen {@link
 * OutputMode} and at the times of the {@link TriggerSpec}, exactly as {@link CountByKey} describes
 * (update mode and the default trigger unless told otherwise). Words are split by {@link SplitWords},
 * case kept.
 *
 * <p>In update and complete mode without windows, counts run since the start of the job; append mode
 * needs {@link #withWindows event-time windows}.
 */
public final class CountWords extends PTransform<PCollection<String>, PCollection<KV<String, Long>>> {
  private final OutputMode mode;
  private final TriggerSpec trigger;
  private final @Nullable WindowFn<Object, ?> windows;

  public static CountWords create() {
    return new CountWords(OutputMode.UPDATE, TriggerSpec.defaultTrigger(), null);
  }

  private CountWords(OutputMode mode, TriggerSpec trigger, @Nullable WindowFn<Object, ?> windows) {
    this.mode = mode;
    this.trigger = trigger;
    this.windows = windows;
  }

  public CountWords withOutputMode(OutputMode mode) {
    return new CountWords(mode, trigger, windows);
  }

  public CountWords withTrigger(TriggerSpec trigger) {
    return new CountWords(mode, trigger, windows);
  }

  /** Count per event-time window, e.g. {@code FixedWindows.of(Duration.standardSeconds(10))}. */
  public CountWords withWindows(WindowFn<Object, ?> windows) {
    return new CountWords(mode, trigger, windows);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<String> lines) {
    CountByKey<String> count = CountByKey.<String>create().withOutputMode(mode).withTrigger(trigger);
    return lines.apply("SplitWords", SplitWords.create())
        .apply("CountByWord", windows == null ? count : count.withWindows(windows));
  }
}
