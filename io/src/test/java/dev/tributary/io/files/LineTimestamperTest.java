package dev.tributary.io.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class LineTimestamperTest {
  private static final Duration LAG = Duration.standardSeconds(10);

  private static LineTimestamper processingTime() {
    return new LineTimestamper(null, LAG, BoundedWindow.TIMESTAMP_MIN_VALUE, null);
  }

  private static LineTimestamper eventTime() {
    return new LineTimestamper(new LeadingInstantFn(), LAG, BoundedWindow.TIMESTAMP_MIN_VALUE, null);
  }

  @Test
  void processingTimeStampsNowAndIgnoresTheLag() {
    LineTimestamper timestamper = processingTime();

    assertEquals(new Instant(5_000), timestamper.stamp("x", new Instant(5_000)));
    assertEquals(new Instant(5_000), timestamper.watermark());
  }

  @Test
  void processingTimeNeverStampsBehindTheWatermarkWhenTheClockStepsBack() {
    LineTimestamper timestamper = processingTime();
    timestamper.noInputAt(new Instant(9_000));

    assertEquals(new Instant(9_000), timestamper.stamp("x", new Instant(8_000)));
    timestamper.noInputAt(new Instant(7_000));
    assertEquals(new Instant(9_000), timestamper.watermark());
  }

  @Test
  void eventTimeIgnoresTheClockWhenIdle() {
    LineTimestamper timestamper = eventTime();
    timestamper.stamp("1970-01-01T00:01:00Z x", new Instant(1_000_000));

    timestamper.noInputAt(new Instant(2_000_000));

    assertEquals(new Instant(50_000), timestamper.watermark());
  }

  @Test
  void aLineWithoutTimeBeforeAnyOtherGetsTheWatermark() {
    LineTimestamper timestamper = eventTime();

    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, timestamper.stamp("junk", Instant.now()));
    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, timestamper.watermark());
  }

  @Test
  void aLineWithoutTimeIsRaisedToTheWatermarkIfThePreviousLineWasLate() {
    LineTimestamper timestamper = eventTime();
    timestamper.stamp("1970-01-01T00:01:00Z newest", Instant.now()); // watermark 50 s
    timestamper.stamp("1970-01-01T00:00:20Z late", Instant.now());

    assertEquals(new Instant(50_000), timestamper.stamp("junk", Instant.now()));
  }

  @Test
  void theWatermarkNeverGoesBelowTheMinimumTimestamp() {
    LineTimestamper timestamper = eventTime();

    timestamper.stamp(BoundedWindow.TIMESTAMP_MIN_VALUE + " first", Instant.now());

    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, timestamper.watermark());
  }

  @Test
  void aRestoredTimestamperContinuesFromItsState() {
    LineTimestamper timestamper =
        new LineTimestamper(new LeadingInstantFn(), LAG, new Instant(90_000), new Instant(100_000));

    assertEquals(new Instant(100_000), timestamper.stamp("junk", Instant.now()));
    timestamper.stamp("1970-01-01T00:00:30Z old", Instant.now());
    assertEquals(new Instant(90_000), timestamper.watermark());
  }
}
