package dev.tributary.transforms.words;

import dev.tributary.transforms.modes.CountByKey;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.modes.TriggerSpec;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/**
 * Word counts per sliding event-time window, by default 20 s windows every 10 s: the seeds' {@code
 * reduceByKeyAndWindow(_ + _, Seconds(20), Seconds(10))}. Lines in (split by {@link SplitWords}), one
 * {@code KV(word, count)} per word per window out, by default in the window's single on-time pane once the
 * watermark passes its end ({@link OutputMode#APPEND}). A word at {@code t} counts in the windows starting
 * at {@code t} rounded down to the slide, and the ones before it that still cover {@code t}.
 *
 * <p>{@link #withOutputMode} and {@link #withTrigger} give Spark's other output modes, as {@link
 * CountByKey} describes: update fires the windows whose counts changed at each trigger firing, complete
 * fires each open window's whole table.
 *
 * <p>Unlike the DStream version, windows are in event time: the element timestamps, not the batch times.
 * Stamp lines with the time they are read for the DStream meaning. Data behind the watermark is dropped.
 */
public final class WindowedWordCounts
    extends PTransform<PCollection<String>, PCollection<KV<String, Long>>> {
  private final Duration size;
  private final Duration slide;
  private final OutputMode mode;
  private final TriggerSpec trigger;

  public static WindowedWordCounts create() {
    return new WindowedWordCounts(
        Duration.standardSeconds(20), Duration.standardSeconds(10), OutputMode.APPEND, TriggerSpec.defaultTrigger());
  }

  private WindowedWordCounts(Duration size, Duration slide, OutputMode mode, TriggerSpec trigger) {
    this.size = size;
    this.slide = slide;
    this.mode = mode;
    this.trigger = trigger;
  }

  /** Windows {@code size} long, starting every {@code slide}; the slide may not exceed the size. */
  public WindowedWordCounts withWindow(Duration size, Duration slide) {
    if (!size.isLongerThan(Duration.ZERO) || !slide.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("window size and slide must be positive");
    }
    if (slide.isLongerThan(size)) {
      throw new IllegalArgumentException(
          "window slide " + slide + " is longer than its size " + size + ": words would be skipped");
    }
    return new WindowedWordCounts(size, slide, mode, trigger);
  }

  /** Append (the default), update or complete. */
  public WindowedWordCounts withOutputMode(OutputMode mode) {
    return new WindowedWordCounts(size, slide, mode, trigger);
  }

  /** When update and complete fire; append fires each window once, when it closes. */
  public WindowedWordCounts withTrigger(TriggerSpec trigger) {
    return new WindowedWordCounts(size, slide, mode, trigger);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<String> lines) {
    return lines.apply("SplitWords", SplitWords.create())
        .apply(
            "CountPerWindow",
            CountByKey.<String>create()
                .withOutputMode(mode)
                .withTrigger(trigger)
                .withWindows(SlidingWindows.of(size).every(slide)));
  }
}
