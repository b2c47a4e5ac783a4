package dev.tributary.io.socket;

import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Gives each line its timestamp and keeps the watermark that goes with them; the rules are in {@link
 * SocketTextIO}. The same rules as the directory source's, kept here because that class is private to
 * its package.
 */
final class LineStamper {
  private final @Nullable SerializableFunction<String, @Nullable Instant> timestampFn;
  private final Duration watermarkLag;
  private Instant watermark;
  private @Nullable Instant lastTimestamp;

  LineStamper(
      @Nullable SerializableFunction<String, @Nullable Instant> timestampFn,
      Duration watermarkLag,
      Instant watermark,
      @Nullable Instant lastTimestamp) {
    this.timestampFn = timestampFn;
    this.watermarkLag = watermarkLag;
    this.watermark = later(watermark, BoundedWindow.TIMESTAMP_MIN_VALUE);
    this.lastTimestamp = lastTimestamp;
  }

  /** The timestamp of {@code line}, received at {@code now}; moves the watermark. */
  Instant stamp(String line, Instant now) {
    Instant timestamp;
    if (timestampFn == null) {
      // The wall clock can step back (NTP); a line must never be stamped behind the watermark given out.
      timestamp = later(now, watermark);
      watermark = timestamp;
    } else {
      Instant parsed = timestampFn.apply(line);
      // An unparsable line follows the previous one, raised to the watermark so it is never late itself.
      timestamp =
          parsed != null ? parsed : lastTimestamp == null ? watermark : later(lastTimestamp, watermark);
      watermark = later(watermark, later(timestamp.minus(watermarkLag), BoundedWindow.TIMESTAMP_MIN_VALUE));
    }
    lastTimestamp = timestamp;
    return timestamp;
  }

  /**
   * Nothing to read at {@code now}. In processing time every later line is stamped at least {@code now},
   * so the watermark may move there; in event time nothing is known about later lines.
   */
  void noInputAt(Instant now) {
    if (timestampFn == null) {
      watermark = later(watermark, now);
    }
  }

  Instant watermark() {
    return watermark;
  }

  @Nullable Instant lastTimestamp() {
    return lastTimestamp;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isBefore(b) ? b : a;
  }
}
