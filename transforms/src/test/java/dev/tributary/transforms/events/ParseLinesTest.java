package dev.tributary.transforms.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tributary.transforms.common.CounterTotals;
import dev.tributary.transforms.common.DeadLetter;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The generic behaviour of {@link ParseLines}, with a toy parser: digits are records, "#" lines are skipped. */
class ParseLinesTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void everyLineIsCountedOnceAndRecordsKeepTheirTimestamps() {
    ParseLines.Result<Integer> result =
        p.apply(
                Create.timestamped(
                    TimestampedValue.of("1", T0),
                    TimestampedValue.of("# comment", T0),
                    TimestampedValue.of("x", T0),
                    TimestampedValue.of("22", T0.plus(Duration.standardSeconds(15)))))
            .apply(ParseLines.of(ParseLinesTest::digits, VarIntCoder.of()).withMetricsNamespace("test.ns"));

    PAssert.that(result.records().apply(Window.into(FixedWindows.of(Duration.standardSeconds(10)))))
        .inWindow(new IntervalWindow(T0.plus(Duration.standardSeconds(10)), Duration.standardSeconds(10)))
        .containsInAnyOrder(22);
    PAssert.that(result.records()).containsInAnyOrder(1, 22);
    PAssert.that(result.deadLetters()).containsInAnyOrder(new DeadLetter("x", "not digits"));
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertEquals(2, CounterTotals.of(run, "test.ns", ParseLines.PARSED));
    assertEquals(1, CounterTotals.of(run, "test.ns", ParseLines.REJECTED));
    assertEquals(1, CounterTotals.of(run, "test.ns", ParseLines.SKIPPED));
  }

  @Test
  void blankNamespaceIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ParseLines.of(ParseLinesTest::digits, VarIntCoder.of()).withMetricsNamespace(" "));
  }

  static Integer digits(String line) {
    if (line.startsWith("#")) {
      return null;
    }
    if (!line.chars().allMatch(Character::isDigit)) {
      throw new MalformedLineException("not digits");
    }
    return Integer.valueOf(line);
  }
}
