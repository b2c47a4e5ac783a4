package dev.tributary.transforms.logs;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.common.LinesOf;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/**
 * {@link AnalyzeAccessLogs} on raw lines: a batch read placed in time by the request times, and one test
 * per timing case on scripted event time (on time, early, late, dropped), with the same expectations as
 * {@link TopEndpointsTest} and {@link CountByStatusTest} have for the chained transforms. Windows are 30 s
 * every 10 s, so a request at {@code T0 + 5 s} is in the windows starting at {@code T0 - 20 s}, {@code T0 -
 * 10 s} and {@code T0}.
 */
class AnalyzeAccessLogsTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormat.forPattern("dd/MMM/yyyy:HH:mm:ss Z").withLocale(java.util.Locale.ENGLISH).withZoneUTC();
  private static final String JUNK = "not a log line";

  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void batchLinesGiveTheChainedTransformsResults() {
    List<String> lines =
        List.of(
            line("/a", 1, 200), line("/a", 2, 200), line("/b", 3, 404), JUNK,
            line("/b", 15, 200), line("/b", 16, 500), line("/c", 16, 200), noEndpoint(17));
    PCollection<String> input = p.apply(Create.of(lines).withCoder(StringUtf8Coder.of()));

    AnalyzeAccessLogs.Result fused =
        input.apply("Fused", AnalyzeAccessLogs.create().withTopEndpoints(TopEndpoints.create().withTopN(2)));
    ParseAccessLogs.Result parsed = input.apply("Parse", ParseAccessLogs.create());
    PCollection<LogRecord> records = parsed.records().apply(TimestampLogRecords.create());

    Map<Integer, Long> statuses = Map.of(200, 4L, 404, 1L, 500, 1L, 408, 1L);
    PAssert.that(fused.statusCounts()).containsInAnyOrder(statuses);
    PAssert.that(records.apply(CountByStatus.create())).containsInAnyOrder(statuses);

    PAssert.that(fused.topEndpoints()).inOnTimePane(window(-20)).containsInAnyOrder(ranking("/a", 2, "/b", 1));
    PAssert.that(fused.topEndpoints()).inOnTimePane(window(-10)).containsInAnyOrder(ranking("/b", 3, "/a", 2));
    PAssert.that(fused.topEndpoints()).inOnTimePane(window(0)).containsInAnyOrder(ranking("/b", 3, "/a", 2));
    PAssert.that(fused.topEndpoints()).inOnTimePane(window(10)).containsInAnyOrder(ranking("/b", 2, "/c", 1));
    PAssert.that(records.apply(TopEndpoints.create().withTopN(2)))
        .containsInAnyOrder(
            ranking("/a", 2, "/b", 1), ranking("/b", 3, "/a", 2), ranking("/b", 3, "/a", 2), ranking("/b", 2, "/c", 1));
    PAssert.that(fused.topEndpoints())
        .containsInAnyOrder(
            ranking("/a", 2, "/b", 1), ranking("/b", 3, "/a", 2), ranking("/b", 3, "/a", 2), ranking("/b", 2, "/c", 1));

    PAssert.that(fused.deadLetters())
        .containsInAnyOrder(new DeadLetter(JUNK, onlyReason(JUNK)));
    p.run().waitUntilFinish();
  }

  @Test
  void readsTheLinesOfElementsThatStandForSeveralLines() {
    String block = String.join("\n", line("/a", 1, 200), JUNK, line("/a", 2, 404), line("/b", 3, 200));
    AnalyzeAccessLogs.Result r =
        p.apply(Create.of(block).withCoder(StringUtf8Coder.of()))
            .apply(AnalyzeAccessLogs.create().withLinesOf(new LinesOfBlock()));

    PAssert.that(r.statusCounts()).containsInAnyOrder(Map.of(200, 2L, 404, 1L));
    PAssert.that(r.topEndpoints()).inOnTimePane(window(0)).containsInAnyOrder(ranking("/a", 2, "/b", 1));
    PAssert.that(r.deadLetters()).containsInAnyOrder(new DeadLetter(JUNK, onlyReason(JUNK)));
    p.run().waitUntilFinish();
  }

  /** Elements holding several lines, one per {@code \n}. */
  private static final class LinesOfBlock implements LinesOf<String> {
    @Override
    public void forEach(String block, java.util.function.Consumer<String> each) {
      block.lines().forEach(each);
    }
  }

  @Test
  void ranksOnTimeWithTheLinesOwnTimestamps() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("/a", 1), at("/a", 2), at("/b", 3))
            .addElements(at("/b", 15), at("/b", 16), at("/c", 16))
            .advanceWatermarkToInfinity();

    AnalyzeAccessLogs.Result r = p.apply(lines).apply(streaming().withTopEndpoints(TopEndpoints.create().withTopN(2)));

    PAssert.that(r.topEndpoints()).inOnTimePane(window(-20)).containsInAnyOrder(ranking("/a", 2, "/b", 1));
    PAssert.that(r.topEndpoints()).inOnTimePane(window(-10)).containsInAnyOrder(ranking("/b", 3, "/a", 2));
    PAssert.that(r.topEndpoints()).inOnTimePane(window(0)).containsInAnyOrder(ranking("/b", 3, "/a", 2));
    PAssert.that(r.topEndpoints()).inOnTimePane(window(10)).containsInAnyOrder(ranking("/b", 2, "/c", 1));
    PAssert.that(r.topEndpoints())
        .containsInAnyOrder(
            ranking("/a", 2, "/b", 1), ranking("/b", 3, "/a", 2), ranking("/b", 3, "/a", 2), ranking("/b", 2, "/c", 1));
    p.run().waitUntilFinish();
  }

  @Test
  void firesEarlyInProcessingTimeBeforeTheWindowCloses() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("/a", 1))
            .advanceProcessingTime(Duration.standardSeconds(6))
            .addElements(at("/a", 2), at("/b", 3))
            .advanceWatermarkToInfinity();

    AnalyzeAccessLogs.Result r =
        p.apply(lines)
            .apply(
                streaming()
                    .withTopEndpoints(TopEndpoints.create().withTopN(2).withEarlyFirings(Duration.standardSeconds(5))));

    PAssert.that(r.topEndpoints()).inEarlyPane(window(0)).containsInAnyOrder(ranking("/a", 1));
    PAssert.that(r.topEndpoints()).inOnTimePane(window(0)).containsInAnyOrder(ranking("/a", 2, "/b", 1));
    p.run().waitUntilFinish();
  }

  @Test
  void lateLineWithinAllowedLatenessRefiresTheWholeRanking() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("/a", 1), at("/a", 2))
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(40)))
            .addElements(at("/b", 5))
            .advanceWatermarkToInfinity();

    AnalyzeAccessLogs.Result r =
        p.apply(lines)
            .apply(
                streaming()
                    .withTopEndpoints(
                        TopEndpoints.create().withTopN(5).withAllowedLateness(Duration.standardMinutes(1))));

    PAssert.that(r.topEndpoints()).inOnTimePane(window(0)).containsInAnyOrder(ranking("/a", 2));
    PAssert.that(r.topEndpoints()).inLatePane(window(0)).containsInAnyOrder(ranking("/a", 2, "/b", 1));
    p.run().waitUntilFinish();
  }

  @Test
  void lineLaterThanAllowedLatenessIsDropped() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("/a", 1), at("/a", 2))
            // Every window holding T0+5s ends by T0+30s; with 10 s of lateness they expire at T0+40s.
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(60)))
            .addElements(at("/b", 5))
            .advanceWatermarkToInfinity();

    AnalyzeAccessLogs.Result r =
        p.apply(lines)
            .apply(
                streaming()
                    .withTopEndpoints(
                        TopEndpoints.create().withTopN(5).withAllowedLateness(Duration.standardSeconds(10))));

    PAssert.that(r.topEndpoints()).inOnTimePane(window(0)).containsInAnyOrder(ranking("/a", 2));
    PAssert.that(r.topEndpoints()).containsInAnyOrder(ranking("/a", 2), ranking("/a", 2), ranking("/a", 2));
    p.run().waitUntilFinish();
  }

  @Test
  void statusTableUpdatesCarryEverythingSoFar() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("/a", 1), TimestampedValue.of(line("/a", 2, 404), T0.plus(2000)))
            .advanceProcessingTime(Duration.standardSeconds(6))
            .addElements(TimestampedValue.of(line("/b", 3, 404), T0.plus(3000)))
            .advanceProcessingTime(Duration.standardSeconds(6))
            .advanceWatermarkToInfinity();

    AnalyzeAccessLogs.Result r =
        p.apply(lines)
            .apply(streaming().withStatusCounts(CountByStatus.create().withUpdateEvery(Duration.standardSeconds(5))));

    // Complete mode: the second firing repeats 200 although no new 200 arrived.
    PAssert.that(r.statusCounts())
        .inEarlyGlobalWindowPanes()
        .containsInAnyOrder(Map.of(200, 1L, 404, 1L), Map.of(200, 1L, 404, 2L));
    p.run().waitUntilFinish();
  }

  @Test
  void refusesLinesThatAreAlreadyWindowed() {
    PCollection<String> windowed =
        p.apply(Create.of(line("/a", 1, 200)))
            .apply(Window.into(FixedWindows.of(Duration.standardMinutes(1))));
    assertThrows(IllegalArgumentException.class, () -> windowed.apply(AnalyzeAccessLogs.create()));
  }

  /** As on unbounded input: the lines' own timestamps, and a status table that updates (else it never fires). */
  private static AnalyzeAccessLogs<String> streaming() {
    return AnalyzeAccessLogs.create()
        .withInputTimestamps()
        .withStatusCounts(CountByStatus.create().withUpdateEvery(Duration.standardMinutes(1)));
  }

  /** A line whose request time is {@code T0 + seconds}, stamped with that time as a source would. */
  private static TimestampedValue<String> at(String endpoint, int secondsAfterT0) {
    return TimestampedValue.of(line(endpoint, secondsAfterT0, 200), T0.plus(Duration.standardSeconds(secondsAfterT0)));
  }

  private static String line(String endpoint, int secondsAfterT0, int status) {
    return "10.0.0.1 - - [" + LOG_TIME.print(T0.plus(Duration.standardSeconds(secondsAfterT0))) + "] \"GET "
        + endpoint + " HTTP/1.1\" " + status + " 100";
  }

  /** A client that timed out before sending a request: logged with "-" and status 408. */
  private static String noEndpoint(int secondsAfterT0) {
    return "10.0.0.2 - - [" + LOG_TIME.print(T0.plus(Duration.standardSeconds(secondsAfterT0))) + "] \"-\" 408 0";
  }

  private static String onlyReason(String line) {
    try {
      AccessLogParser.parse(line);
    } catch (MalformedLogLineException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected '" + line + "' to be rejected");
  }

  private static IntervalWindow window(int startSecondsAfterT0) {
    return new IntervalWindow(T0.plus(Duration.standardSeconds(startSecondsAfterT0)), Duration.standardSeconds(30));
  }

  /** Pairs of endpoint and count, in ranking order. */
  @SuppressWarnings("unchecked")
  private static List<KV<String, Long>> ranking(Object... endpointsAndCounts) {
    KV<String, Long>[] ranked = new KV[endpointsAndCounts.length / 2];
    for (int i = 0; i < ranked.length; i++) {
      ranked[i] = KV.of((String) endpointsAndCounts[2 * i], ((Integer) endpointsAndCounts[2 * i + 1]).longValue());
    }
    return List.of(ranked);
  }
}
