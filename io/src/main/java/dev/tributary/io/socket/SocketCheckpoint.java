package dev.tributary.io.socket;

import java.util.Objects;
import org.apache.beam.sdk.io.UnboundedSource;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * How far a {@link SocketLinesReader} got. It holds no lines and no stream position, since a socket
 * cannot be replayed: only the id under which the reader's connection may wait for its successor (see
 * {@link ParkedConnections}) and the timestamp state, so that a resumed reader keeps the watermark and
 * the timestamp given to lines without one. Immutable.
 */
final class SocketCheckpoint implements UnboundedSource.CheckpointMark {
  private final String readerId;
  private final Instant watermark;
  private final @Nullable Instant lastTimestamp;

  SocketCheckpoint(String readerId, Instant watermark, @Nullable Instant lastTimestamp) {
    this.readerId = Objects.requireNonNull(readerId, "readerId");
    this.watermark = Objects.requireNonNull(watermark, "watermark");
    this.lastTimestamp = lastTimestamp;
  }

  String readerId() {
    return readerId;
  }

  Instant watermark() {
    return watermark;
  }

  @Nullable Instant lastTimestamp() {
    return lastTimestamp;
  }

  /** Nothing to acknowledge: a socket has no way to tell the server that lines were processed. */
  @Override
  public void finalizeCheckpoint() {}

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SocketCheckpoint)) {
      return false;
    }
    SocketCheckpoint that = (SocketCheckpoint) o;
    return readerId.equals(that.readerId)
        && watermark.equals(that.watermark)
        && Objects.equals(lastTimestamp, that.lastTimestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(readerId, watermark, lastTimestamp);
  }

  @Override
  public String toString() {
    return "SocketCheckpoint{readerId="
        + readerId
        + ", watermark="
        + watermark
        + ", lastTimestamp="
        + lastTimestamp
        + "}";
  }
}
