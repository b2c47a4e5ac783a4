package dev.tributary.io.files;

import java.util.NoSuchElementException;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * What the line sources' readers ({@link WatchedTextIO}'s and {@code SocketTextIO}'s) share: the current
 * line and its timestamp, the {@link LineTimestamper} that gives them and the watermark, and the end of the
 * read, after which the watermark is the maximum so that every window closes.
 */
public abstract class StampedLineReader extends UnboundedSource.UnboundedReader<String> {
  private final LineTimestamper timestamper;
  private @Nullable String currentLine;
  private @Nullable Instant currentTimestamp;
  private boolean finished;

  /**
   * @param watermark where a resumed read's watermark was (its checkpoint's), or null for a new read
   * @param lastTimestamp the last line's timestamp in that checkpoint, or null
   */
  protected StampedLineReader(
      @Nullable SerializableFunction<String, @Nullable Instant> timestampFn,
      Duration watermarkLag,
      @Nullable Instant watermark,
      @Nullable Instant lastTimestamp) {
    this.timestamper =
        new LineTimestamper(
            timestampFn,
            watermarkLag,
            watermark == null ? BoundedWindow.TIMESTAMP_MIN_VALUE : watermark,
            lastTimestamp);
  }

  /** Makes {@code line}, read at {@code now}, the current line, stamped by the timestamper. */
  protected final void emit(String line, Instant now) {
    currentLine = line;
    currentTimestamp = timestamper.stamp(line, now);
  }

  /** No current line until the next {@link #emit}; call first thing in {@link #advance()}. */
  protected final void clearCurrent() {
    currentLine = null;
    currentTimestamp = null;
  }

  /** Nothing to read at {@code now}: lets the watermark move on with the clock where it should. */
  protected final void noInputAt(Instant now) {
    timestamper.noInputAt(now);
  }

  /** Ends the read: no more lines, and the watermark jumps to the maximum. */
  protected final void finish() {
    finished = true;
  }

  protected final boolean isFinished() {
    return finished;
  }

  /** The watermark to store in a checkpoint. */
  protected final Instant checkpointWatermark() {
    return timestamper.watermark();
  }

  /** The last line's timestamp to store in a checkpoint, or null. */
  protected final @Nullable Instant checkpointLastTimestamp() {
    return timestamper.lastTimestamp();
  }

  @Override
  public final String getCurrent() {
    if (currentLine == null) {
      throw new NoSuchElementException("No current line: advance() returned false or was not called");
    }
    return currentLine;
  }

  @Override
  public final Instant getCurrentTimestamp() {
    if (currentTimestamp == null) {
      throw new NoSuchElementException("No current line: advance() returned false or was not called");
    }
    return currentTimestamp;
  }

  @Override
  public final Instant getWatermark() {
    return finished ? BoundedWindow.TIMESTAMP_MAX_VALUE : timestamper.watermark();
  }
}
