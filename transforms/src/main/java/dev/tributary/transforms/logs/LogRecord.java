package dev.tributary.transforms.logs;

import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * One request from a web-server access log (Common or Combined format).
 *
 * <p>{@code method}, {@code endpoint} and {@code protocol} are null when the server logged a request line
 * that is not an HTTP request: {@code "-"} (the client sent nothing, typically a 408) or scanner junk such
 * as {@code "123456789"}. The record is kept because the response and its status are real.
 * {@code protocol} alone is null for HTTP/0.9-style requests ({@code "GET /"}).
 */
public final class LogRecord {
  private final String host;
  private final Instant timestamp;
  private final @Nullable String method;
  private final @Nullable String endpoint;
  private final @Nullable String protocol;
  private final int status;
  private final long contentSize;

  public LogRecord(
      String host,
      Instant timestamp,
      @Nullable String method,
      @Nullable String endpoint,
      @Nullable String protocol,
      int status,
      long contentSize) {
    this.host = Objects.requireNonNull(host, "host");
    this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    this.method = method;
    this.endpoint = endpoint;
    this.protocol = protocol;
    this.status = status;
    this.contentSize = contentSize;
  }

  public String getHost() {
    return host;
  }

  /** When the server received the request, from the log's own timestamp and its UTC offset. */
  public Instant getTimestamp() {
    return timestamp;
  }

  public @Nullable String getMethod() {
    return method;
  }

  public @Nullable String getEndpoint() {
    return endpoint;
  }

  public @Nullable String getProtocol() {
    return protocol;
  }

  public int getStatus() {
    return status;
  }

  /** Bytes in the response body; a logged {@code -} (no body sent) is 0. */
  public long getContentSize() {
    return contentSize;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof LogRecord)) {
      return false;
    }
    LogRecord that = (LogRecord) o;
    return status == that.status
        && contentSize == that.contentSize
        && host.equals(that.host)
        && timestamp.equals(that.timestamp)
        && Objects.equals(method, that.method)
        && Objects.equals(endpoint, that.endpoint)
        && Objects.equals(protocol, that.protocol);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, timestamp, method, endpoint, protocol, status, contentSize);
  }

  @Override
  public String toString() {
    return "LogRecord{host=" + host + ", timestamp=" + timestamp + ", method=" + method + ", endpoint="
        + endpoint + ", protocol=" + protocol + ", status=" + status + ", contentSize=" + contentSize + "}";
  }
}
