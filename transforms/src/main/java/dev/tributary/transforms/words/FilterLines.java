package dev.tributary.transforms.words;

import java.util.Objects;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * Keeps the lines that pass one test, in order of arrival; the others are dropped. A query without
 * aggregation: any output mode but complete fits it (see {@code OutputMode.checkNoAggregation}).
 */
public final class FilterLines extends PTransform<PCollection<String>, PCollection<String>> {
  private final String description;
  private final Filter<String> filter;

  /**
   * Lines containing {@code text} exactly as written: case-sensitive, anywhere in the line, so {@code
   * containing("error")} keeps {@code "an error"} and {@code "errors"} but not {@code "ERROR"}.
   */
  public static FilterLines containing(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("the text to look for is empty: every line would match");
    }
    return new FilterLines("Containing", Filter.by(line -> line.contains(text)));
  }

  /**
   * Lines of more than {@code length} characters (Unicode code points, so a character outside the Basic
   * Multilingual Plane counts once), whitespace included: {@code longerThan(4)} keeps {@code "hello"}, drops
   * {@code "four"}.
   */
  public static FilterLines longerThan(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("line length cannot be negative, got " + length);
    }
    return new FilterLines(
        "LongerThan" + length, Filter.by(line -> line.codePointCount(0, line.length()) > length));
  }

  private FilterLines(String description, Filter<String> filter) {
    this.description = description;
    this.filter = filter;
  }

  @Override
  public PCollection<String> expand(PCollection<String> lines) {
    return lines.apply("KeepLines" + description, filter);
  }
}
