package dev.tributary.pipelines.joins;

import dev.tributary.pipelines.common.LineInput;
import dev.tributary.pipelines.common.StreamInputOptions;
import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.events.ParseLines;
import dev.tributary.transforms.logs.TimeMode;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TimestampedValue.TimestampedValueCoder;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * One input of a join job ({@code --plays}, {@code --persons}, {@code --input}): its lines, read once or
 * followed, parsed into rows that carry their time, and the lines that are no row, as dead letters.
 *
 * <p>{@link TimeMode#EVENT}: lines are {@code time,<row>} ({@link TimedRowParser}) and each row's element
 * timestamp is that time; a streaming source stamps it as it reads, so the watermark follows the rows' own
 * times. {@link TimeMode#PROCESSING}: lines are the bare row, as typed into {@code nc -lk}, stamped when the
 * job reads them.
 */
final class JoinInput<T> {
  private final String option;
  private final LineInput lines;
  private final RowFormat<T> format;
  private final TimeMode timeMode;

  private JoinInput(String option, LineInput lines, RowFormat<T> format, TimeMode timeMode) {
    this.option = option;
    this.lines = lines;
    this.format = format;
    this.timeMode = timeMode;
  }

  /** The rows of one input and its rejected lines. */
  record Parsed<T>(PCollection<TimestampedValue<T>> rows, PCollection<DeadLetter> deadLetters) {}

  /**
   * Whether {@code value} of {@code --option} is a stream, without touching any file system. Messages name
   * the job's option, not {@code --input}.
   */
  static boolean isStream(String option, String value, StreamInputOptions o) {
    try {
      return LineInput.isStream(value, o);
    } catch (IllegalArgumentException e) {
      throw renamed(option, e);
    }
  }

  /** Checks {@code value} of {@code --option} as {@link LineInput#from} does. */
  static <T> JoinInput<T> from(String option, String value, StreamInputOptions o, RowFormat<T> format, TimeMode mode) {
    LineInput lines;
    try {
      lines = LineInput.from(value, o);
    } catch (IllegalArgumentException e) {
      throw renamed(option, e);
    }
    if (mode == TimeMode.EVENT) {
      lines = lines.withEventTime(new TimedRowParser<>(format)::timeOf);
    }
    return new JoinInput<>(option, lines, format, mode);
  }

  private static IllegalArgumentException renamed(String option, IllegalArgumentException e) {
    return new IllegalArgumentException(e.getMessage().replace("--input", "--" + option), e);
  }

  boolean streaming() {
    return lines.streaming();
  }

  /** {@code --option=value}, for messages. */
  String describe() {
    return "--" + option + "=" + lines.describe();
  }

  /** Adds the read and the parse to {@code p}, as steps named after the input. */
  Parsed<T> read(Pipeline p) {
    String name = capitalised(format.name());
    PCollection<String> text = lines.read(p, "Read" + name);
    TimestampedValueCoder<T> timedCoder = TimestampedValueCoder.of(format.coder());
    if (timeMode == TimeMode.EVENT) {
      ParseLines.Result<TimestampedValue<T>> parsed =
          text.apply(
              "Parse" + name,
              ParseLines.of(new TimedRowParser<>(format), timedCoder).withMetricsNamespace(format.namespace()));
      PCollection<TimestampedValue<T>> rows = parsed.records();
      if (!lines.streaming()) {
        // A one-time read leaves timestamps to the job; streaming sources stamped these already.
        rows =
            rows.apply("EventTime" + name, WithTimestamps.of((TimestampedValue<T> row) -> row.getTimestamp()))
                .setCoder(timedCoder);
      }
      return new Parsed<>(rows, parsed.deadLetters());
    }
    ParseLines.Result<T> parsed =
        text.apply("Parse" + name, ParseLines.of(format.parser(), format.coder()).withMetricsNamespace(format.namespace()));
    PCollection<TimestampedValue<T>> rows =
        parsed
            .records()
            .apply("ProcessingTime" + name, ParDo.of(new ProcessingTimeFn<T>(lines.streaming() ? null : Instant.now())))
            .setCoder(timedCoder);
    return new Parsed<>(rows, parsed.deadLetters());
  }

  /**
   * Pairs each row with its processing time: the time its source stamped it with, or, for a one-time read
   * (whose lines carry no time), the time the job started, so that a batch run places all rows alike.
   */
  private static final class ProcessingTimeFn<T> extends DoFn<T, TimestampedValue<T>> {
    private final @Nullable Instant readAt;

    ProcessingTimeFn(@Nullable Instant readAt) {
      this.readAt = readAt;
    }

    @ProcessElement
    public void process(@Element T row, @Timestamp Instant stamped, OutputReceiver<TimestampedValue<T>> out) {
      if (readAt == null) {
        out.output(TimestampedValue.of(row, stamped));
      } else {
        out.outputWithTimestamp(TimestampedValue.of(row, readAt), readAt);
      }
    }
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
