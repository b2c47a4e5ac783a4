package dev.tributary.io.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class LineStamperTest {
  private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

  @Test
  void processingTimeStampsWithTheClockAndKeepsTheWatermarkAtNow() {
    LineStamper stamper = new LineStamper(null, Duration.standardSeconds(10), BoundedWindow.TIMESTAMP_MIN_VALUE, null);

    assertEquals(NOW, stamper.stamp("a", NOW));
    assertEquals(NOW, stamper.watermark());
    // The clock stepped back: the line is stamped at the watermark, never behind it.
    assertEquals(NOW, stamper.stamp("b", NOW.minus(5_000)));
    stamper.noInputAt(NOW.plus(3_000));
    assertEquals(NOW.plus(3_000), stamper.watermark());
  }

  @Test
  void eventTimeTrailsTheLargestTimestampByTheLag() {
    LineStamper stamper =
        new LineStamper(
            new SocketTextIOTest.LeadingInstantFn(), Duration.standardSeconds(10), BoundedWindow.TIMESTAMP_MIN_VALUE, null);

    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, stamper.stamp("no time yet", NOW));
    assertEquals(Instant.parse("2024-05-01T10:00:20Z"), stamper.stamp("2024-05-01T10:00:20Z a", NOW));
    assertEquals(Instant.parse("2024-05-01T10:00:10Z"), stamper.watermark());
    // Out of order, and behind the watermark: emitted as it is; the watermark does not move back.
    assertEquals(Instant.parse("2024-05-01T10:00:05Z"), stamper.stamp("2024-05-01T10:00:05Z b", NOW));
    assertEquals(Instant.parse("2024-05-01T10:00:10Z"), stamper.watermark());
    // No time: the previous line's, raised to the watermark.
    assertEquals(Instant.parse("2024-05-01T10:00:10Z"), stamper.stamp("no time", NOW));
    // Idle time does not move an event-time watermark.
    stamper.noInputAt(NOW);
    assertEquals(Instant.parse("2024-05-01T10:00:10Z"), stamper.watermark());
  }
}
