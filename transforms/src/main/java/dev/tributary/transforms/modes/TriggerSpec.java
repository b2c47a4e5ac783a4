package dev.tributary.transforms.modes;

import dev.tributary.transforms.common.Durations;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Trigger;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * When a result that keeps changing (output modes update and complete, or the batches of running counts)
 * fires, named after Spark Structured Streaming's triggers. Written {@code default}, {@code
 * processingTime=<duration>} (durations like {@code 500ms}, {@code 5s}, {@code 5m}, {@code 1h}, {@code 1d}),
 * {@code once} or {@code availableNow}.
 *
 * <p>The mapping onto Beam triggers, see {@link #toTrigger()}:
 *
 * <ul>
 *   <li>{@code default}: Spark starts the next micro-batch as soon as the previous one is done, so a batch
 *       holds whatever arrived meanwhile. Beam's closest equivalent is to fire as soon as new data has been
 *       processed, {@code Repeatedly.forever(AfterPane.elementCountAtLeast(1))}: the runner's unit of work
 *       (a bundle on Direct, a micro-batch on Spark) plays the part of the batch. It needs no timer, unlike
 *       a processing-time trigger with zero delay, so it behaves alike on every runner.
 *   <li>{@code processingTime=d}: fire at the next multiple of {@code d} (processing time since the epoch)
 *       after new data arrived, {@code AfterProcessingTime.pastFirstElementInPane().alignedTo(d)}. Spark
 *       also starts its batches at multiples of the interval. Unlike Spark, nothing fires when no new data
 *       arrived.
 *   <li>{@code once} and {@code availableNow}: process what there is, then stop. Beam fires once, when the
 *       watermark passes the end of the window: for a result since the start, when the input is exhausted.
 *       Use them on bounded input, or on a source that finishes; an unbounded source that never ends never
 *       fires. Spark's two differ only in how many micro-batches they use, which does not change the
 *       result, so they map to the same trigger.
 * </ul>
 */
public final class TriggerSpec implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern PROCESSING_TIME =
      Pattern.compile("processingtime\\s*=\\s*(\\d+)\\s*(ms|s|m|h|d)");

  /** The four triggers Spark offers. */
  public enum Kind {
    DEFAULT,
    PROCESSING_TIME,
    ONCE,
    AVAILABLE_NOW
  }

  private final Kind kind;
  private final @Nullable Duration interval;

  private TriggerSpec(Kind kind, @Nullable Duration interval) {
    this.kind = kind;
    this.interval = interval;
  }

  /** Fire as soon as new data has been processed. */
  public static TriggerSpec defaultTrigger() {
    return new TriggerSpec(Kind.DEFAULT, null);
  }

  /** Fire at the next multiple of {@code interval} after new data arrived. */
  public static TriggerSpec processingTime(Duration interval) {
    if (!interval.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("processingTime trigger interval must be positive, got " + interval);
    }
    return new TriggerSpec(Kind.PROCESSING_TIME, interval);
  }

  /** Fire once, when the input is exhausted (or the window closes). */
  public static TriggerSpec once() {
    return new TriggerSpec(Kind.ONCE, null);
  }

  /** Same firing as {@link #once()} in Beam. */
  public static TriggerSpec availableNow() {
    return new TriggerSpec(Kind.AVAILABLE_NOW, null);
  }

  /**
   * Reads {@code default}, {@code processingTime=5s}, {@code once} or {@code availableNow}, in any case.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static TriggerSpec parse(String spec) {
    String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case "default":
        return defaultTrigger();
      case "once":
        return once();
      case "availablenow":
        return availableNow();
      default:
        Matcher m = PROCESSING_TIME.matcher(s);
        if (!m.matches()) {
          throw new IllegalArgumentException(
              "trigger '" + spec + "' is not one of default, processingTime=<duration> (like 500ms, 5s,"
                  + " 5m, 1h, 1d), once, availableNow");
        }
        return processingTime(Durations.parse("trigger", m.group(1) + m.group(2)));
    }
  }

  public Kind getKind() {
    return kind;
  }

  /** The interval of a processingTime trigger, null for the others. */
  public @Nullable Duration getInterval() {
    return interval;
  }

  /** True for once and availableNow: a single firing per window, when it closes. */
  public boolean firesOnceAtEnd() {
    return kind == Kind.ONCE || kind == Kind.AVAILABLE_NOW;
  }

  /** The Beam trigger for this spec, as described in the class comment. */
  public Trigger toTrigger() {
    switch (kind) {
      case DEFAULT:
        return Repeatedly.forever(AfterPane.elementCountAtLeast(1));
      case PROCESSING_TIME:
        return Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane().alignedTo(interval));
      default:
        return AfterWatermark.pastEndOfWindow();
    }
  }

  /** The form {@link #parse} reads, e.g. {@code processingTime=5s}. */
  @Override
  public String toString() {
    switch (kind) {
      case DEFAULT:
        return "default";
      case PROCESSING_TIME:
        return "processingTime=" + format(interval);
      case ONCE:
        return "once";
      default:
        return "availableNow";
    }
  }

  private static String format(Duration d) {
    long ms = d.getMillis();
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms % sizes[i] == 0) {
        return ms / sizes[i] + units[i];
      }
    }
    return ms + "ms";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof TriggerSpec)) {
      return false;
    }
    TriggerSpec that = (TriggerSpec) o;
    return kind == that.kind && Objects.equals(interval, that.interval);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, interval);
  }
}
