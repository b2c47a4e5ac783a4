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
record SocketCheckpoint(String readerId, Instant watermark, @Nullable Instant lastTimestamp)
    implements UnboundedSource.CheckpointMark {

  SocketCheckpoint {
    Objects.requireNonNull(readerId, "readerId");
    Objects.requireNonNull(watermark, "watermark");
  }

  /** Nothing to acknowledge: a socket has no way to tell the server that lines were processed. */
  @Override
  public void finalizeCheckpoint() {}
}
