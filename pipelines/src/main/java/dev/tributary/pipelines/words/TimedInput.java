package dev.tributary.pipelines.words;

import dev.tributary.pipelines.common.HostAndPort;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.transforms.logs.TimeMode;
import org.apache.beam.sdk.Pipeline;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The input of a job that counts per time window: its lines, read with the clock of {@code --timeMode},
 * separated from their leading time by {@link TimedLines}.
 *
 * <p>The default clock depends on the input: files are read in EVENT time (their lines say when they
 * happened, so a run over the same files always gives the same windows); a tcp:// socket in PROCESSING
 * time, as Spark's DStreams window a socket stream by batch time.
 */
public final class TimedInput {
  private final LineInput input;
  private final TimeMode mode;

  private TimedInput(LineInput input, TimeMode mode) {
    this.input = input;
    this.mode = mode;
  }

  /** The clock for {@code input} when the user gave {@code option} (null: not given). */
  public static TimeMode timeMode(@Nullable TimeMode option, String input) {
    if (option != null) {
      return option;
    }
    return HostAndPort.parse(input) != null ? TimeMode.PROCESSING : TimeMode.EVENT;
  }

  /** {@code input} read with clock {@code mode}; a stream in EVENT time is stamped by its source. */
  public static TimedInput of(LineInput input, TimeMode mode) {
    return new TimedInput(mode == TimeMode.EVENT ? input.withEventTime(LeadingTime.eventTime()) : input, mode);
  }

  public LineInput lines() {
    return input;
  }

  public TimeMode mode() {
    return mode;
  }

  /** Adds the read and the time separation to {@code p}. */
  public TimedLines.Result read(Pipeline p) {
    TimedLines separate = TimedLines.create().withTimeMode(mode);
    return input
        .read(p, "ReadLines")
        .apply("SeparateTime", input.streaming() ? separate : separate.stampingElements());
  }
}
