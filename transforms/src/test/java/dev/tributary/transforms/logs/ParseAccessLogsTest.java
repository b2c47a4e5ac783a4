package dev.tributary.transforms.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.transforms.common.CounterTotals;
import dev.tributary.transforms.common.DeadLetter;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** {@link ParseAccessLogs} loses no line: every line read is either a record or a dead letter. */
class ParseAccessLogsTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/fixtures/expected-counts.csv", numLinesToSkip = 1)
  void parsedPlusRejectedEqualsLinesRead(String file, long lines, long parsed, long rejected)
      throws IOException, URISyntaxException {
    Path path = Path.of(getClass().getResource("/fixtures/" + file).toURI());
    assertEquals(lines, countLines(path), "fixture line count");
    assertEquals(lines, parsed + rejected, "expected-counts.csv row");

    ParseAccessLogs.Result result =
        p.apply(TextIO.read().from(path.toString())).apply(ParseAccessLogs.create());

    PAssert.thatSingleton(result.records().apply("CountRecords", Count.globally())).isEqualTo(parsed);
    PAssert.thatSingleton(result.deadLetters().apply("CountDeadLetters", Count.globally()))
        .isEqualTo(rejected);
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertEquals(parsed, CounterTotals.of(run, ParseAccessLogs.NAMESPACE, ParseAccessLogs.PARSED));
    assertEquals(rejected, CounterTotals.of(run, ParseAccessLogs.NAMESPACE, ParseAccessLogs.REJECTED));
  }

  @Test
  void deadLetterKeepsTheWholeLineAndSaysWhy() {
    String cut = "in24.inetnebr.com - - [01/Aug/1995:00:00:01 -0400] \"GET /shuttle/missions";
    ParseAccessLogs.Result result = p.apply(Create.of(cut)).apply(ParseAccessLogs.create());

    PAssert.that(result.records()).empty();
    PAssert.that(result.deadLetters())
        .containsInAnyOrder(new DeadLetter(cut, "request has no closing quote (line cut short?)"));
    p.run().waitUntilFinish();
  }

  /** Counts lines the way Beam's TextIO and BufferedReader do: \n, \r\n or \r, last line unterminated. */
  static long countLines(Path path) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
      return reader.lines().count();
    }
  }
}
