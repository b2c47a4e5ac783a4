package dev.tributary.pipelines.logs;

import dev.tributary.transforms.logs.AccessLogParser;
import dev.tributary.transforms.logs.MalformedLogLineException;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * The request time of a raw log line, for a source that stamps event time as it reads; null for a line
 * that does not parse (the source then keeps it at the previous line's time, and the parse step
 * dead-letters it).
 */
final class RequestTimeOfLine implements SerializableFunction<String, @Nullable Instant> {
  private static final long serialVersionUID = 1L;

  @Override
  public @Nullable Instant apply(String line) {
    try {
      return AccessLogParser.parse(line).getTimestamp();
    } catch (MalformedLogLineException e) {
      return null;
    }
  }
}
