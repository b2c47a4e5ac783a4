package dev.tributary.io.socket;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open connections of closed readers, waiting in this JVM for the reader that resumes from their
 * checkpoint.
 *
 * <p>Runners close readers that are still needed and create new ones from the last checkpoint: the
 * Direct runner does so after one bundle in twenty on purpose, the Spark runner whenever its reader
 * cache expires. A socket cannot be resumed from a checkpoint, so closing the connection would lose
 * whatever the server had sent into it and make every server see a reconnect. Instead a closed reader
 * leaves its connection here under the id its checkpoints carry, and the next reader with that id takes
 * it over, lines already received included. A connection nobody takes within {@link #EXPIRY} is closed.
 */
final class ParkedConnections {
  static final Duration EXPIRY = Duration.standardSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(ParkedConnections.class);
  private static final Map<String, Parking> PARKED = new ConcurrentHashMap<>();

  /**
   * One stay of a connection here. The same connection is parked again and again over a run, so expiry
   * must end only the stay it was scheduled for, which identity of this wrapper tells apart.
   */
  private static final class Parking {
    final LineConnection connection;

    Parking(LineConnection connection) {
      this.connection = connection;
    }
  }

  private ParkedConnections() {}

  static void park(String readerId, LineConnection connection) {
    Parking parking = new Parking(connection);
    Parking previous = PARKED.put(readerId, parking);
    if (previous != null && previous.connection != connection) {
      closeQuietly(previous.connection);
    }
    CompletableFuture.delayedExecutor(EXPIRY.getMillis(), TimeUnit.MILLISECONDS)
        .execute(() -> expire(readerId, parking));
  }

  /** The connection left under {@code readerId}, now owned by the caller; null if there is none. */
  static @Nullable LineConnection take(String readerId) {
    Parking parking = PARKED.remove(readerId);
    return parking == null ? null : parking.connection;
  }

  private static void expire(String readerId, Parking parking) {
    if (PARKED.remove(readerId, parking)) {
      LOG.debug("Closing the unclaimed connection to {}", parking.connection.endpoint());
      closeQuietly(parking.connection);
    }
  }

  private static void closeQuietly(LineConnection connection) {
    try {
      connection.close();
    } catch (IOException e) {
      LOG.debug("Could not close the connection to {}", connection.endpoint(), e);
    }
  }
}
