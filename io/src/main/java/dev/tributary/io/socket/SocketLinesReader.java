package dev.tributary.io.socket;

import dev.tributary.io.files.StampedLineReader;
import java.io.IOException;
import java.util.UUID;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads lines from one TCP connection, reconnecting when it drops. It never waits for data: when no
 * complete line has arrived, {@link #advance()} returns false, and reconnect attempts are only made
 * once their backoff delay has passed.
 */
final class SocketLinesReader extends StampedLineReader {
  private static final Logger LOG = LoggerFactory.getLogger(SocketLinesReader.class);

  private final Counter linesRead = Metrics.counter(SocketTextIO.NAMESPACE, SocketTextIO.LINES_READ);
  private final Counter disconnects =
      Metrics.counter(SocketTextIO.NAMESPACE, SocketTextIO.DISCONNECTS);
  private final Counter linesTruncated =
      Metrics.counter(SocketTextIO.NAMESPACE, SocketTextIO.LINES_TRUNCATED);

  private final SocketLinesSource source;
  private final SocketReadSpec spec;
  /** Carried by every checkpoint, so that the reader resuming from one finds this reader's connection. */
  private final String readerId;
  /** Resuming from a checkpoint: the job was already running, so a failed connect is a reconnect. */
  private final boolean resumed;
  private final Backoff backoff;

  private @Nullable LineConnection connection;
  private Instant lastLineAt = Instant.now();

  SocketLinesReader(SocketLinesSource source, @Nullable SocketCheckpoint checkpoint) {
    super(
        source.spec().timestampFn(),
        source.spec().watermarkLag(),
        checkpoint == null ? null : checkpoint.watermark(),
        checkpoint == null ? null : checkpoint.lastTimestamp());
    this.source = source;
    this.spec = source.spec();
    this.resumed = checkpoint != null;
    this.readerId = checkpoint == null ? UUID.randomUUID().toString() : checkpoint.readerId();
    this.backoff =
        new Backoff(spec.initialBackoff(), spec.maxBackoff(), spec.maxReconnectAttempts());
  }

  /**
   * Connects, or takes over the connection of the reader this one replaces. A job that cannot reach
   * its server at all fails here, with the message {@code cannot connect to host:port: reason}.
   */
  @Override
  public boolean start() throws IOException {
    lastLineAt = Instant.now();
    if (resumed) {
      connection = ParkedConnections.take(readerId);
      if (connection == null) {
        // Resumed elsewhere (another worker, a restart): connect afresh, the earlier reader's
        // connection and what was in it are gone.
        try {
          connection = connect();
        } catch (IOException e) {
          lost(Instant.now(), e.getMessage());
        }
      }
    } else {
      connection = connect();
    }
    return advance();
  }

  @Override
  public boolean advance() throws IOException {
    clearCurrent();
    if (isFinished()) {
      return false;
    }
    Instant now = Instant.now();
    LineConnection open = connection != null ? connection : reconnectIfDue(now);
    if (open != null) {
      LineSplitter.Line line = open.poll();
      if (line != null) {
        emit(line, now);
        return true;
      }
      if (open.ended()) {
        ended(open, now);
      }
    }
    nothingToRead(now);
    return false;
  }

  private void emit(LineSplitter.Line line, Instant now) {
    emit(line.text(), now);
    lastLineAt = now;
    linesRead.inc();
    if (line.truncated()) {
      linesTruncated.inc();
      LOG.warn(
          "A line of {} bytes from {} was cut to its first {} bytes (see withMaxLineLength)",
          line.bytes(),
          spec.endpoint(),
          spec.maxLineBytes());
    }
  }

  /** The server closed the connection or it broke; every line it delivered was already emitted. */
  private void ended(LineConnection ended, Instant now) throws IOException {
    disconnects.inc();
    connection = null;
    closeQuietly(ended);
    IOException failure = ended.failure();
    String why = failure == null ? "closed by the server" : failure.toString();
    if (spec.stopWhenServerCloses()) {
      LOG.info("Connection to {} ended ({}); the read is finished", spec.endpoint(), why);
      finishAndDisconnect();
    } else {
      lost(now, why);
    }
  }

  /**
   * Starts the backoff after losing the connection (or failing to connect on resuming), or fails the
   * read if reconnecting is off.
   */
  private void lost(Instant now, String why) throws IOException {
    backoff.dropped(now);
    if (backoff.exhausted()) {
      throw new IOException(
          "lost the connection to " + spec.endpoint() + " (" + why + ") and reconnecting is off");
    }
    LOG.warn(
        "No connection to {} ({}); reconnecting with backoff from {} up to {}",
        spec.endpoint(),
        why,
        spec.initialBackoff(),
        spec.maxBackoff());
  }

  /** Tries to reconnect if the backoff allows it now; the new connection, or null. */
  private @Nullable LineConnection reconnectIfDue(Instant now) throws IOException {
    if (!backoff.attemptDue(now)) {
      return null;
    }
    try {
      connection = connect();
      LOG.info(
          "Reconnected to {} after {} failed attempts", spec.endpoint(), backoff.failedAttempts());
      return connection;
    } catch (IOException e) {
      backoff.attemptFailed(now);
      if (backoff.exhausted()) {
        throw new IOException(
            "gave up reconnecting after " + backoff.failedAttempts() + " attempts: " + e.getMessage());
      }
      LOG.debug("{}; next attempt at {}", e.getMessage(), backoff.nextAttempt());
      return null;
    }
  }

  private void nothingToRead(Instant now) {
    noInputAt(now);
    Duration idle = spec.stopWhenIdleFor();
    if (idle != null && !now.isBefore(lastLineAt.plus(idle))) {
      LOG.info("No line from {} for {}; the read is finished", spec.endpoint(), idle);
      finishAndDisconnect();
    }
  }

  private void finishAndDisconnect() {
    finish();
    LineConnection open = connection;
    connection = null;
    if (open != null) {
      closeQuietly(open);
    }
  }

  private LineConnection connect() throws IOException {
    return LineConnection.open(spec.host(), spec.port(), spec.connectTimeout(), spec.maxLineBytes());
  }

  @Override
  public SocketCheckpoint getCheckpointMark() {
    return new SocketCheckpoint(readerId, checkpointWatermark(), checkpointLastTimestamp());
  }

  @Override
  public SocketLinesSource getCurrentSource() {
    return source;
  }

  /**
   * Leaves an open connection for the reader that resumes from this one's checkpoint, see {@link
   * ParkedConnections}; a finished read has already closed it.
   */
  @Override
  public void close() {
    LineConnection open = connection;
    connection = null;
    if (open != null) {
      ParkedConnections.park(readerId, open);
    }
  }

  private static void closeQuietly(LineConnection open) {
    try {
      open.close();
    } catch (IOException e) {
      LOG.debug("Could not close the connection to {}", open.endpoint(), e);
    }
  }
}
