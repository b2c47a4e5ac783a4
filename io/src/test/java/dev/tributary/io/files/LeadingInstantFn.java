package dev.tributary.io.files;

import org.apache.beam.sdk.transforms.SerializableFunction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/** Reads an ISO-8601 instant from the start of a line, up to the first space; null if there is none. */
final class LeadingInstantFn implements SerializableFunction<String, @Nullable Instant> {
  private static final long serialVersionUID = 1L;

  @Override
  public @Nullable Instant apply(String line) {
    int space = line.indexOf(' ');
    String token = space < 0 ? line : line.substring(0, space);
    try {
      return Instant.parse(token);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
