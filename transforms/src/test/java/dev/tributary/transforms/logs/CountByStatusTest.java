package dev.tributary.transforms.logs;

import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class CountByStatusTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void boundedInputGivesOneCompleteTable() {
    PCollection<Map<Integer, Long>> counts =
        p.apply(Create.of(status(200), status(404), status(200), status(500)).withCoder(LogRecordCoder.of()))
            .apply(CountByStatus.create());

    PAssert.that(counts).containsInAnyOrder(Map.of(200, 2L, 404, 1L, 500, 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void everyUpdateCarriesTheWholeTableSoFar() {
    TestStream<LogRecord> stream =
        TestStream.create(LogRecordCoder.of())
            .addElements(timed(status(200)), timed(status(404)))
            .advanceProcessingTime(Duration.standardSeconds(6))
            .addElements(timed(status(200)))
            .advanceProcessingTime(Duration.standardSeconds(6))
            .advanceWatermarkToInfinity();

    PCollection<Map<Integer, Long>> counts =
        p.apply(stream).apply(CountByStatus.create().withUpdateEvery(Duration.standardSeconds(5)));

    // Complete mode: the second firing repeats 404 although no new 404 arrived.
    PAssert.that(counts)
        .inEarlyGlobalWindowPanes()
        .containsInAnyOrder(Map.of(200, 1L, 404, 1L), Map.of(200, 2L, 404, 1L));
    p.run().waitUntilFinish();
  }

  private static LogRecord status(int status) {
    return new LogRecord("10.0.0.1", T0, "GET", "/", "HTTP/1.1", status, 10);
  }

  private static TimestampedValue<LogRecord> timed(LogRecord r) {
    return TimestampedValue.of(r, r.getTimestamp());
  }
}
