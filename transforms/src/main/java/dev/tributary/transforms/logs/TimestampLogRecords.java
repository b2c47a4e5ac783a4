package dev.tributary.transforms.logs;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.WithTimestamps;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;

/**
 * Gives each record its timestamp according to a {@link TimeMode}: the log's own request time, or the
 * moment the record passes this step.
 *
 * <p>Beam only lets a step move timestamps forward, so this suits inputs without meaningful timestamps (a
 * bounded file read). A source that already stamps event time should not be followed by this step.
 */
public final class TimestampLogRecords extends PTransform<PCollection<LogRecord>, PCollection<LogRecord>> {
  private final TimeMode mode;

  public static TimestampLogRecords create() {
    return new TimestampLogRecords(TimeMode.EVENT);
  }

  private TimestampLogRecords(TimeMode mode) {
    this.mode = mode;
  }

  public TimestampLogRecords withTimeMode(TimeMode mode) {
    return new TimestampLogRecords(mode);
  }

  @Override
  public PCollection<LogRecord> expand(PCollection<LogRecord> records) {
    if (mode == TimeMode.EVENT) {
      return records.apply("UseRequestTime", WithTimestamps.of(LogRecord::getTimestamp));
    }
    return records.apply("UseArrivalTime", WithTimestamps.of((LogRecord r) -> Instant.now()));
  }
}
