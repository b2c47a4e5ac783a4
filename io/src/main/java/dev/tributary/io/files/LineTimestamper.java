package dev.tributary.io.files;

import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Gives each line its timestamp and keeps the watermark that goes with them, for the line sources
 * ({@link WatchedTextIO}, {@code SocketTextIO}); see {@link WatchedTextIO}
 * for the rules. Without a timestamp function it works in processing time, otherwise in event time.
 */
public final class LineTimestamper {
  private final @Nullable SerializableFunction<String, @Nullable Instant> timestampFn;
  private final Duration watermarkLag;
  private Instant watermark;
  private @Nullable Instant lastTimestamp;

  public LineTimestamper(
      @Nullable SerializableFunction<String, @Nullable Instant> timestampFn,
      Duration watermarkLag,
      Instant watermark,
      @Nullable Instant lastTimestamp) {
    this.timestampFn = timestampFn;
    this.watermarkLag = watermarkLag;
    this.watermark = atLeastMin(watermark);
    this.lastTimestamp = lastTimestamp;
  }

  /** Returns the timestamp of {@code line}, read at {@code now}, and moves the watermark. */
  public Instant stamp(String line, Instant now) {
    Instant timestamp;
    if (timestampFn == null) {
      // The wall clock can step back (NTP); never stamp a line behind the watermark already given out.
      timestamp = later(now, watermark);
      watermark = timestamp;
    } else {
      Instant parsed = timestampFn.apply(line);
      timestamp = parsed != null ? parsed : timestampForUnparsed();
      watermark = later(watermark, atLeastMin(timestamp.minus(watermarkLag)));
    }
    lastTimestamp = timestamp;
    return timestamp;
  }

  /**
   * Called when there is nothing to read. In processing time every later line is stamped at least
   * {@code now}, so the watermark can move up to it; in event time nothing is known about later lines.
   */
  public void noInputAt(Instant now) {
    if (timestampFn == null) {
      watermark = later(watermark, now);
    }
  }

  public Instant watermark() {
    return watermark;
  }

  public @Nullable Instant lastTimestamp() {
    return lastTimestamp;
  }

  private Instant timestampForUnparsed() {
    // Raised to the watermark so that the source itself never emits a line that is already late.
    return lastTimestamp == null ? watermark : later(lastTimestamp, watermark);
  }

  private static Instant atLeastMin(Instant instant) {
    return later(instant, BoundedWindow.TIMESTAMP_MIN_VALUE);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isBefore(b) ? b : a;
  }
}
