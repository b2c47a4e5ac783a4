package dev.tributary.io.socket;

import java.io.Serializable;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Every setting of one socket read, shared by {@link SocketTextIO.Read} and {@link SocketLinesSource};
 * the meaning of each is documented on the {@code Read} method that sets it. Immutable.
 */
record SocketReadSpec(
    @Nullable String host,
    int port,
    Duration connectTimeout,
    Duration initialBackoff,
    Duration maxBackoff,
    int maxReconnectAttempts,
    int maxLineBytes,
    @Nullable SerializableFunction<String, @Nullable Instant> timestampFn,
    Duration watermarkLag,
    @Nullable Duration stopWhenIdleFor,
    boolean stopWhenServerCloses)
    implements Serializable {

  static SocketReadSpec defaults() {
    return new SocketReadSpec(
        null,
        0,
        SocketTextIO.DEFAULT_CONNECT_TIMEOUT,
        SocketTextIO.DEFAULT_INITIAL_BACKOFF,
        SocketTextIO.DEFAULT_MAX_BACKOFF,
        Integer.MAX_VALUE,
        SocketTextIO.DEFAULT_MAX_LINE_BYTES,
        null,
        SocketTextIO.DEFAULT_WATERMARK_LAG,
        null,
        false);
  }

  SocketReadSpec withEndpoint(String newHost, int newPort) {
    return new SocketReadSpec(newHost, newPort, connectTimeout, initialBackoff, maxBackoff,
        maxReconnectAttempts, maxLineBytes, timestampFn, watermarkLag, stopWhenIdleFor,
        stopWhenServerCloses);
  }

  SocketReadSpec withConnectTimeout(Duration timeout) {
    return new SocketReadSpec(host, port, timeout, initialBackoff, maxBackoff, maxReconnectAttempts,
        maxLineBytes, timestampFn, watermarkLag, stopWhenIdleFor, stopWhenServerCloses);
  }

  SocketReadSpec withBackoff(Duration initial, Duration max) {
    return new SocketReadSpec(host, port, connectTimeout, initial, max, maxReconnectAttempts,
        maxLineBytes, timestampFn, watermarkLag, stopWhenIdleFor, stopWhenServerCloses);
  }

  SocketReadSpec withMaxReconnectAttempts(int attempts) {
    return new SocketReadSpec(host, port, connectTimeout, initialBackoff, maxBackoff, attempts,
        maxLineBytes, timestampFn, watermarkLag, stopWhenIdleFor, stopWhenServerCloses);
  }

  SocketReadSpec withMaxLineBytes(int bytes) {
    return new SocketReadSpec(host, port, connectTimeout, initialBackoff, maxBackoff,
        maxReconnectAttempts, bytes, timestampFn, watermarkLag, stopWhenIdleFor,
        stopWhenServerCloses);
  }

  SocketReadSpec withTimestampFn(SerializableFunction<String, @Nullable Instant> fn) {
    return new SocketReadSpec(host, port, connectTimeout, initialBackoff, maxBackoff,
        maxReconnectAttempts, maxLineBytes, fn, watermarkLag, stopWhenIdleFor, stopWhenServerCloses);
  }

  SocketReadSpec withWatermarkLag(Duration lag) {
    return new SocketReadSpec(host, port, connectTimeout, initialBackoff, maxBackoff,
        maxReconnectAttempts, maxLineBytes, timestampFn, lag, stopWhenIdleFor, stopWhenServerCloses);
  }

  SocketReadSpec withStopWhenIdleFor(Duration idle) {
    return new SocketReadSpec(host, port, connectTimeout, initialBackoff, maxBackoff,
        maxReconnectAttempts, maxLineBytes, timestampFn, watermarkLag, idle, stopWhenServerCloses);
  }

  SocketReadSpec withStopWhenServerCloses() {
    return new SocketReadSpec(host, port, connectTimeout, initialBackoff, maxBackoff,
        maxReconnectAttempts, maxLineBytes, timestampFn, watermarkLag, stopWhenIdleFor, true);
  }

  /** {@code host:port}, as messages show it. */
  String endpoint() {
    return host + ":" + port;
  }
}
