package dev.tributary.transforms.joins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.transforms.common.CounterTotals;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Exact joined pairs per window and pane of {@link JoinStreamsPerWindow}, plays joined with persons, over
 * scripted event time. Both streams come from one {@code TestStream} of lines tagged {@code play} or {@code
 * person}, so they share one watermark, and go through the real parsing ({@link ParseJoinRows}).
 */
class JoinStreamsPerWindowTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration TEN_SECONDS = Duration.standardSeconds(10);
  /** The Direct runner's counter of rows dropped for lateness at a GroupByKey. */
  static final String DROPPED_DUE_TO_LATENESS = "DroppedDueToLateness";

  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void joinsEveryMatchingPairOfAWindowOnTime() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(play("alice,10", 1), person("alice,Paris", 1), play("alice,7", 2))
            .addElements(play("bob,5", 3), person("bob,Rome", 9))
            .addElements(play("alice,3", 12), person("alice,Berlin", 19))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, KV<Play, Person>>> joined = join(lines, JoinStreamsPerWindow.create());

    PAssert.that(joined)
        .inOnTimePane(window(0))
        .containsInAnyOrder(
            pair("alice", 10, "Paris"), pair("alice", 7, "Paris"), pair("bob", 5, "Rome"));
    PAssert.that(joined).inOnTimePane(window(10)).containsInAnyOrder(pair("alice", 3, "Berlin"));
    PAssert.that(joined)
        .containsInAnyOrder(
            pair("alice", 10, "Paris"),
            pair("alice", 7, "Paris"),
            pair("bob", 5, "Rome"),
            pair("alice", 3, "Berlin"));
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertEquals(4, joinCounter(run, JoinStreamsPerWindow.JOINED_PAIRS));
    assertEquals(0, joinCounter(run, JoinStreamsPerWindow.UNMATCHED_LEFT));
    assertEquals(0, joinCounter(run, JoinStreamsPerWindow.UNMATCHED_RIGHT));
  }

  @Test
  void rowsOfDifferentWindowsNeverMatchAndUnmatchedRowsAreCounted() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            // alice plays in window 0 but her city arrives in window 10.
            .addElements(play("alice,10", 5), person("alice,Paris", 15))
            // carol has no city at all, dave no play.
            .addElements(play("carol,1", 7), play("carol,2", 8), person("dave,Oslo", 6))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, KV<Play, Person>>> joined = join(lines, JoinStreamsPerWindow.create());

    PAssert.that(joined).empty();
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertEquals(0, joinCounter(run, JoinStreamsPerWindow.JOINED_PAIRS));
    assertEquals(3, joinCounter(run, JoinStreamsPerWindow.UNMATCHED_LEFT));
    assertEquals(2, joinCounter(run, JoinStreamsPerWindow.UNMATCHED_RIGHT));
  }

  @Test
  void lateRowWithinAllowedLatenessRefiresItsKeyWithEveryPairOfTheWindow() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(play("alice,10", 1), person("alice,Paris", 2), play("bob,4", 3))
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(20)))
            // Late for window 0 (closed at 10 s) but within the minute of allowed lateness.
            .addElements(play("alice,20", 3), person("bob,Rome", 4))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, KV<Play, Person>>> joined =
        join(
            lines,
            JoinStreamsPerWindow.<String, Play, Person>create()
                .withAllowedLateness(Duration.standardMinutes(1)));

    PAssert.that(joined).inOnTimePane(window(0)).containsInAnyOrder(pair("alice", 10, "Paris"));
    // Panes accumulate: alice's late pane repeats (10, Paris) next to the new (20, Paris); bob's late
    // pane joins his on-time play with his late city.
    PAssert.that(joined)
        .inLatePane(window(0))
        .containsInAnyOrder(pair("alice", 10, "Paris"), pair("alice", 20, "Paris"), pair("bob", 4, "Rome"));
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertEquals(4, joinCounter(run, JoinStreamsPerWindow.JOINED_PAIRS));
    // bob's play had no partner when the window fired on time.
    assertEquals(1, joinCounter(run, JoinStreamsPerWindow.UNMATCHED_LEFT));
    assertEquals(0, counterNamed(run, DROPPED_DUE_TO_LATENESS));
  }

  @Test
  void rowLaterThanAllowedLatenessIsDroppedAndCountedByTheRunner() {
    TestStream<String> lines =
        TestStream.create(StringUtf8Coder.of())
            .addElements(play("alice,10", 1), person("alice,Paris", 2))
            // Window 0 ends at 10 s; with 10 s of lateness it expires at 20 s.
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(30)))
            .addElements(play("alice,99", 3), play("alice,5", 31), person("alice,Rome", 32))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, KV<Play, Person>>> joined =
        join(
            lines,
            JoinStreamsPerWindow.<String, Play, Person>create()
                .withAllowedLateness(Duration.standardSeconds(10)));

    PAssert.that(joined).inOnTimePane(window(0)).containsInAnyOrder(pair("alice", 10, "Paris"));
    PAssert.that(joined).inOnTimePane(window(30)).containsInAnyOrder(pair("alice", 5, "Rome"));
    PAssert.that(joined).containsInAnyOrder(pair("alice", 10, "Paris"), pair("alice", 5, "Rome"));
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertEquals(1, counterNamed(run, DROPPED_DUE_TO_LATENESS));
    assertEquals(0, joinCounter(run, JoinStreamsPerWindow.UNMATCHED_LEFT));
  }

  /** Splits tagged lines into plays and persons, parses and keys them, and joins them in 10 s windows. */
  private PCollection<KV<String, KV<Play, Person>>> join(
      TestStream<String> lines, JoinStreamsPerWindow<String, Play, Person> join) {
    PCollection<String> tagged = p.apply(lines);
    PCollection<KV<String, Play>> plays =
        tagged
            .apply("OnlyPlays", Filter.by((String l) -> l.startsWith("play ")))
            .apply("PlayLine", MapElements.into(TypeDescriptors.strings()).via((String l) -> l.substring(5)))
            .apply("ParsePlays", ParseJoinRows.plays())
            .records()
            .apply("ByPlayer", WithKeys.of(Play::getPlayer).withKeyType(TypeDescriptors.strings()));
    PCollection<KV<String, Person>> persons =
        tagged
            .apply("OnlyPersons", Filter.by((String l) -> l.startsWith("person ")))
            .apply("PersonLine", MapElements.into(TypeDescriptors.strings()).via((String l) -> l.substring(7)))
            .apply("ParsePersons", ParseJoinRows.persons())
            .records()
            .apply("ByPerson", WithKeys.of(Person::getPerson).withKeyType(TypeDescriptors.strings()));
    return JoinSides.of(plays, persons).apply("Join", join.withWindowSize(TEN_SECONDS));
  }

  private static TimestampedValue<String> play(String line, int secondsAfterT0) {
    return TimestampedValue.of("play " + line, T0.plus(Duration.standardSeconds(secondsAfterT0)));
  }

  private static TimestampedValue<String> person(String line, int secondsAfterT0) {
    return TimestampedValue.of("person " + line, T0.plus(Duration.standardSeconds(secondsAfterT0)));
  }

  private static KV<String, KV<Play, Person>> pair(String name, int score, String city) {
    return KV.of(name, KV.of(new Play(name, score), new Person(name, city)));
  }

  private static IntervalWindow window(int startSecondsAfterT0) {
    return new IntervalWindow(T0.plus(Duration.standardSeconds(startSecondsAfterT0)), TEN_SECONDS);
  }

  private static long joinCounter(PipelineResult run, String name) {
    return CounterTotals.of(run, JoinStreamsPerWindow.NAMESPACE, name);
  }

  /** A counter summed over every namespace, name in any case, for the runner's own counters. */
  static long counterNamed(PipelineResult run, String name) {
    long total = 0;
    for (MetricResult<Long> counter :
        run.metrics().queryMetrics(MetricsFilter.builder().build()).getCounters()) {
      if (counter.getName().getName().equalsIgnoreCase(name)) {
        total += counter.getAttempted();
      }
    }
    return total;
  }
}
