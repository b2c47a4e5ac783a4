package dev.tributary.pipelines.joins;

import dev.tributary.transforms.events.CsvFields;
import dev.tributary.transforms.events.EventTimes;
import dev.tributary.transforms.events.LineParser;
import dev.tributary.transforms.events.MalformedLineException;
import java.util.Arrays;
import org.apache.beam.sdk.values.TimestampedValue;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Reads a join line in event-time mode, {@code time,<row>}, e.g. {@code 2024-06-01T12:00:05Z,alice,10}: the
 * event time in one of the forms of {@link EventTimes} (UTC when no offset is written), then the row as the
 * transforms' parser reads it. The line {@code time,<columns>} is the header. Same CSV dialect as {@link
 * CsvFields}.
 *
 * <p>The field count is checked first, so a line that lacks its time (typed as in processing-time mode) is
 * rejected as "expected 3 comma-separated fields, found 2".
 */
final class TimedRowParser<T> implements LineParser<TimestampedValue<T>> {
  private static final long serialVersionUID = 1L;
  static final String TIME = "time";

  private final LineParser<T> rowParser;
  private final String[] columns;

  TimedRowParser(RowFormat<T> format) {
    this.rowParser = format.parser();
    this.columns = new String[format.columns().length + 1];
    columns[0] = TIME;
    System.arraycopy(format.columns(), 0, columns, 1, format.columns().length);
  }

  @Override
  public @Nullable TimestampedValue<T> parse(String line) {
    String[] fields = CsvFields.split(line, columns);
    if (fields == null) {
      return null;
    }
    Instant time = EventTimes.parse(fields[0], TIME);
    T row = rowParser.parse(String.join(",", Arrays.copyOfRange(fields, 1, fields.length)));
    if (row == null) {
      // The columns' names after a time: a header with a time in front is no header.
      throw new MalformedLineException("row holds the column names");
    }
    return TimestampedValue.of(row, time);
  }

  /** The event time of {@code line}, or null if it is no row; for sources that stamp lines as they read. */
  @Nullable
  Instant timeOf(String line) {
    try {
      TimestampedValue<T> row = parse(line);
      return row == null ? null : row.getTimestamp();
    } catch (MalformedLineException e) {
      return null;
    }
  }
}
