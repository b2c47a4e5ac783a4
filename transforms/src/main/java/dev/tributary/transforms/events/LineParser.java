package dev.tributary.transforms.events;

import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads one line of text into a record, for {@link ParseLines}. Usually a method reference to a static
 * parse method of a plain parser class.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface LineParser<T> extends Serializable {
  /**
   * Returns the record for {@code line}, or null for a line that is no record but no error either (a CSV
   * header).
   *
   * @throws MalformedLineException for a line that is not a record, with the reason
   */
  @Nullable
  T parse(String line);
}
