package dev.tributary.pipelines.events;

import dev.tributary.transforms.events.LineParser;
import dev.tributary.transforms.events.MalformedLineException;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * The event time of a raw line, for a source that stamps lines as it reads them; null for a line that is no
 * record (the source keeps it at the previous line's time, and the parse step dead-letters it).
 */
public final class EventTimeOfLine<T> implements SerializableFunction<String, @Nullable Instant> {
  private static final long serialVersionUID = 1L;

  private final LineParser<T> parser;
  private final SerializableFunction<T, Instant> time;

  private EventTimeOfLine(LineParser<T> parser, SerializableFunction<T, Instant> time) {
    this.parser = parser;
    this.time = time;
  }

  /** The time {@code time} gives the record {@code parser} reads from a line. */
  public static <T> EventTimeOfLine<T> of(LineParser<T> parser, SerializableFunction<T, Instant> time) {
    return new EventTimeOfLine<>(parser, time);
  }

  @Override
  public @Nullable Instant apply(String line) {
    try {
      T record = parser.parse(line);
      return record == null ? null : time.apply(record);
    } catch (MalformedLineException e) {
      return null;
    }
  }
}
