package dev.tributary.transforms.sliding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link CountPerSlidingWindow} against plain {@code SlidingWindows} + {@code Count.perElement()} and against
 * counts worked out by hand, over scripted event time. Unless a test says otherwise windows are 30 s long
 * every 10 s, so an element at {@code T0 + 5 s} is in the windows starting at {@code T0 - 20 s}, {@code T0 -
 * 10 s} and {@code T0}.
 */
class CountPerSlidingWindowTest {
  static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration SIZE = Duration.standardSeconds(30);
  private static final Duration SLIDE = Duration.standardSeconds(10);

  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void countsEachKeyInEverySlidingWindowOnTime() {
    TestStream<String> tags =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("#a", 1), at("#a", 2), at("#b", 3))
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(10)))
            .addElements(at("#b", 15), at("#b", 16), at("#c", 16))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts =
        p.apply(tags).apply(CountPerSlidingWindow.<String>create().withWindow(SIZE, SLIDE));

    PAssert.that(counts).inOnTimePane(window(-20)).containsInAnyOrder(KV.of("#a", 2L), KV.of("#b", 1L));
    PAssert.that(counts)
        .inOnTimePane(window(-10))
        .containsInAnyOrder(KV.of("#a", 2L), KV.of("#b", 3L), KV.of("#c", 1L));
    PAssert.that(counts)
        .inOnTimePane(window(0))
        .containsInAnyOrder(KV.of("#a", 2L), KV.of("#b", 3L), KV.of("#c", 1L));
    PAssert.that(counts).inOnTimePane(window(10)).containsInAnyOrder(KV.of("#b", 2L), KV.of("#c", 1L));
    // Nothing else: the window starting at T0+20s is empty and fires nothing.
    PAssert.that(counts)
        .containsInAnyOrder(
            KV.of("#a", 2L), KV.of("#b", 1L),
            KV.of("#a", 2L), KV.of("#b", 3L), KV.of("#c", 1L),
            KV.of("#a", 2L), KV.of("#b", 3L), KV.of("#c", 1L),
            KV.of("#b", 2L), KV.of("#c", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void elementsOnWindowBoundariesBelongToTheWindowStartingThere() {
    TestStream<String> tags =
        TestStream.create(StringUtf8Coder.of())
            .addElements(
                atMillis("#start", 0), // first millisecond of [0, 10): windows starting at -20, -10, 0
                atMillis("#last", 9_999), // last millisecond of [0, 10): the same windows
                atMillis("#next", 10_000), // first millisecond of [10, 20): windows from -10 to 10
                atMillis("#end", 29_999)) // last millisecond of the window [0, 30)
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts =
        p.apply(tags).apply(CountPerSlidingWindow.<String>create().withWindow(SIZE, SLIDE));

    PAssert.that(counts)
        .inOnTimePane(window(-20))
        .containsInAnyOrder(KV.of("#start", 1L), KV.of("#last", 1L));
    PAssert.that(counts)
        .inOnTimePane(window(-10))
        .containsInAnyOrder(KV.of("#start", 1L), KV.of("#last", 1L), KV.of("#next", 1L));
    PAssert.that(counts)
        .inOnTimePane(window(0))
        .containsInAnyOrder(
            KV.of("#start", 1L), KV.of("#last", 1L), KV.of("#next", 1L), KV.of("#end", 1L));
    PAssert.that(counts).inOnTimePane(window(10)).containsInAnyOrder(KV.of("#next", 1L), KV.of("#end", 1L));
    PAssert.that(counts).inOnTimePane(window(20)).containsInAnyOrder(KV.of("#end", 1L));
    p.run().waitUntilFinish();
  }

  @Test
  void quietStretchesLongerAndShorterThanAWindowLeaveNoStaleCounts() {
    TestStream<String> tags =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("#a", 1))
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(40)))
            // 44 s after #a: one empty window (ending at T0+40s) between the two runs.
            .addElements(at("#b", 45))
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(200)))
            // A long silence, then a burst.
            .addElements(at("#a", 201), at("#a", 202))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts =
        p.apply(tags).apply(CountPerSlidingWindow.<String>create().withWindow(SIZE, SLIDE));

    for (int start : new int[] {-20, -10, 0}) {
      PAssert.that(counts).inOnTimePane(window(start)).containsInAnyOrder(KV.of("#a", 1L));
    }
    PAssert.that(counts).inOnTimePane(window(10)).empty();
    for (int start : new int[] {20, 30, 40}) {
      PAssert.that(counts).inOnTimePane(window(start)).containsInAnyOrder(KV.of("#b", 1L));
    }
    for (int start : new int[] {180, 190, 200}) {
      PAssert.that(counts).inOnTimePane(window(start)).containsInAnyOrder(KV.of("#a", 2L));
    }
    PAssert.that(counts)
        .containsInAnyOrder(
            KV.of("#a", 1L), KV.of("#a", 1L), KV.of("#a", 1L),
            KV.of("#b", 1L), KV.of("#b", 1L), KV.of("#b", 1L),
            KV.of("#a", 2L), KV.of("#a", 2L), KV.of("#a", 2L));
    p.run().waitUntilFinish();
  }

  /** The headline case: 300 s every 1 s, where plain sliding windows copy each element 300 times. */
  @Test
  void fiveMinuteWindowsEverySecond() {
    TestStream<String> tags =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("#x", 0), at("#x", 1), at("#y", 299))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts =
        p.apply(tags)
            .apply(
                CountPerSlidingWindow.<String>create()
                    .withWindow(Duration.standardSeconds(300), Duration.standardSeconds(1)));

    Duration size = Duration.standardSeconds(300);
    PAssert.that(counts)
        .inOnTimePane(new IntervalWindow(T0, size))
        .containsInAnyOrder(KV.of("#x", 2L), KV.of("#y", 1L));
    PAssert.that(counts)
        .inOnTimePane(new IntervalWindow(T0.plus(Duration.standardSeconds(1)), size))
        .containsInAnyOrder(KV.of("#x", 1L), KV.of("#y", 1L));
    PAssert.that(counts)
        .inOnTimePane(new IntervalWindow(T0.minus(Duration.standardSeconds(299)), size))
        .containsInAnyOrder(KV.of("#x", 1L));
    PAssert.that(counts)
        .inOnTimePane(new IntervalWindow(T0.plus(Duration.standardSeconds(299)), size))
        .containsInAnyOrder(KV.of("#y", 1L));
    // #x at 0 s and 1 s: windows starting from -299 s to 1 s (301); #y at 299 s: 300 windows from 0 s on.
    PAssert.that(total(counts)).containsInAnyOrder(301L + 300L);
    p.run().waitUntilFinish();
  }

  @Test
  void sameWindowsAndCountsAsPlainSlidingWindowsOnARandomStream() {
    sameAsPlainSlidingWindows(new Random(42), SIZE, SLIDE, true);
  }

  @Test
  void sameAsPlainSlidingWindowsWhenEveryPaneClosesAtOnce() {
    // The watermark jumps to the end in one step, so every pane fires together and the deltas reach the
    // running table in no particular order.
    Duration size = Duration.standardSeconds(20);
    sameAsPlainSlidingWindows(new Random(7), size, Duration.standardSeconds(4), false);
  }

  @Test
  void aWindowAsLongAsItsSlideIsATumblingCount() {
    List<TimestampedValue<String>> events = randomEvents(new Random(3), 150);
    TestStream<String> tags = inBatches(events, true);

    PCollection<String> input = p.apply(tags);
    PCollection<KV<String, Long>> ours =
        input.apply("Ours", CountPerSlidingWindow.<String>create().withWindow(SLIDE, SLIDE));
    PCollection<KV<String, Long>> fixed =
        input
            .apply("Fixed", Window.into(FixedWindows.of(SLIDE)))
            .apply("CountFixed", Count.perElement());

    PAssert.that(difference(ours, fixed)).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void rejectsWindowsItCannotReproduce() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CountPerSlidingWindow.<String>create()
                    .withWindow(Duration.standardSeconds(25), Duration.standardSeconds(10)));
    assertEquals(
        "window size 25s is not a multiple of its slide 10s: sliding counts are built from panes one slide"
            + " long, so use a size of 20s or 30s, or plain SlidingWindows",
        e.getMessage());
    IllegalArgumentException shorter =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CountPerSlidingWindow.<String>create()
                    .withWindow(Duration.millis(500), Duration.standardSeconds(1)));
    assertTrue(shorter.getMessage().contains("use a size of 1s"), shorter.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> CountPerSlidingWindow.<String>create().withWindow(Duration.ZERO, Duration.ZERO));
    IllegalArgumentException tooFine =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CountPerSlidingWindow.<String>create()
                    .withWindow(Duration.standardDays(1), Duration.millis(10)));
    assertTrue(tooFine.getMessage().contains("use a longer slide"), tooFine.getMessage());
  }

  @Test
  void needsAWindow() {
    TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    PCollection<String> input =
        pipeline.apply(TestStream.create(StringUtf8Coder.of()).advanceWatermarkToInfinity());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> input.apply(CountPerSlidingWindow.<String>create()));
    assertTrue(e.getMessage().contains("withWindow"), e.getMessage());
  }

  /**
   * The documented limit: no allowed lateness. An element behind the watermark is dropped from all its
   * windows, even those still open, where plain sliding windows would count it.
   */
  @Test
  void elementBehindTheWatermarkIsDroppedFromEveryWindow() {
    TestStream<String> tags =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("#a", 1))
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(15)))
            // Its pane [0, 10) has closed; of its windows, the one starting at -20 s has closed too, those
            // starting at -10 s and 0 s have not. #b is on time.
            .addElements(at("#late", 5), at("#b", 16))
            .advanceWatermarkToInfinity();

    PCollection<String> input = p.apply(tags);
    PCollection<KV<String, Long>> ours =
        input.apply("Ours", CountPerSlidingWindow.<String>create().withWindow(SIZE, SLIDE));
    PCollection<KV<String, Long>> plain =
        input
            .apply("Plain", Window.into(SlidingWindows.of(SIZE).every(SLIDE)))
            .apply("CountPlain", Count.perElement());

    PAssert.that("ours -20", ours).inOnTimePane(window(-20)).containsInAnyOrder(KV.of("#a", 1L));
    PAssert.that("ours -10", ours)
        .inOnTimePane(window(-10))
        .containsInAnyOrder(KV.of("#a", 1L), KV.of("#b", 1L));
    PAssert.that("ours 0", ours)
        .inOnTimePane(window(0))
        .containsInAnyOrder(KV.of("#a", 1L), KV.of("#b", 1L));
    PAssert.that("ours 10", ours).inOnTimePane(window(10)).containsInAnyOrder(KV.of("#b", 1L));
    PAssert.that("ours total", total(ours)).containsInAnyOrder(6L);
    // Plain sliding windows still count it in the windows that end after the watermark (T0+15s).
    PAssert.that("plain -20", plain).inOnTimePane(window(-20)).containsInAnyOrder(KV.of("#a", 1L));
    PAssert.that("plain -10", plain)
        .inOnTimePane(window(-10))
        .containsInAnyOrder(KV.of("#a", 1L), KV.of("#late", 1L), KV.of("#b", 1L));
    PAssert.that("plain 0", plain)
        .inOnTimePane(window(0))
        .containsInAnyOrder(KV.of("#a", 1L), KV.of("#late", 1L), KV.of("#b", 1L));
    p.run().waitUntilFinish();
  }

  /** Elements out of time order, but not behind the watermark, count in every window as usual. */
  @Test
  void outOfOrderElementsAheadOfTheWatermarkAreCounted() {
    TestStream<String> tags =
        TestStream.create(StringUtf8Coder.of())
            .addElements(at("#a", 25), at("#b", 3))
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(2)))
            .addElements(at("#b", 12), at("#a", 4), at("#c", 2))
            .advanceWatermarkToInfinity();

    PCollection<KV<String, Long>> counts =
        p.apply(tags).apply(CountPerSlidingWindow.<String>create().withWindow(SIZE, SLIDE));

    PAssert.that(counts)
        .inOnTimePane(window(-20))
        .containsInAnyOrder(KV.of("#a", 1L), KV.of("#b", 1L), KV.of("#c", 1L));
    PAssert.that(counts)
        .inOnTimePane(window(-10))
        .containsInAnyOrder(KV.of("#a", 1L), KV.of("#b", 2L), KV.of("#c", 1L));
    PAssert.that(counts)
        .inOnTimePane(window(0))
        .containsInAnyOrder(KV.of("#a", 2L), KV.of("#b", 2L), KV.of("#c", 1L));
    PAssert.that(counts).inOnTimePane(window(10)).containsInAnyOrder(KV.of("#a", 1L), KV.of("#b", 1L));
    PAssert.that(counts).inOnTimePane(window(20)).containsInAnyOrder(KV.of("#a", 1L));
    PAssert.that(total(counts)).containsInAnyOrder(12L);
    p.run().waitUntilFinish();
  }

  /** Keys are counted by equals, so a coder that disagrees with equals (byte[]) is refused at once. */
  @Test
  void refusesKeysWhoseCoderIsNotConsistentWithEquals() {
    TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    PCollection<byte[]> input =
        pipeline.apply(TestStream.create(ByteArrayCoder.of()).advanceWatermarkToInfinity());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> input.apply(CountPerSlidingWindow.<byte[]>create().withWindow(SIZE, SLIDE)));
    assertTrue(e.getMessage().contains("consistent with equals"), e.getMessage());
  }

  // --- helpers shared with TopCountsPerSlidingWindowTest ---

  private void sameAsPlainSlidingWindows(Random random, Duration size, Duration slide, boolean stepwise) {
    List<TimestampedValue<String>> events = randomEvents(random, 200);
    PCollection<String> input = p.apply(inBatches(events, stepwise));

    PCollection<KV<String, Long>> ours =
        input.apply("Ours", CountPerSlidingWindow.<String>create().withWindow(size, slide));
    PCollection<KV<String, Long>> plain =
        input
            .apply("Plain", Window.into(SlidingWindows.of(size).every(slide)))
            .apply("CountPlain", Count.perElement());

    PAssert.that(difference(ours, plain)).empty();
    // Not vacuous: as many (window, key) counts as worked out by brute force, and a few checked exactly.
    Map<IntervalWindow, Map<String, Long>> expected = bruteForce(events, size, slide);
    long pairs = expected.values().stream().mapToLong(Map::size).sum();
    PAssert.that(total(ours)).containsInAnyOrder(pairs);
    for (IntervalWindow w : busiest(expected, 2)) {
      List<KV<String, Long>> counts = new ArrayList<>();
      expected.get(w).forEach((k, n) -> counts.add(KV.of(k, n)));
      PAssert.that("window " + w, ours).inOnTimePane(w).containsInAnyOrder(counts);
    }
    p.run().waitUntilFinish();
  }

  /** The {@code n} windows holding the most keys. */
  static List<IntervalWindow> busiest(Map<IntervalWindow, Map<String, Long>> windows, int n) {
    List<IntervalWindow> all = new ArrayList<>(windows.keySet());
    all.sort(Comparator.comparing((IntervalWindow w) -> -windows.get(w).size()).thenComparing(w -> w));
    return all.subList(0, Math.min(n, all.size()));
  }

  /** How many results, over all windows. */
  static <T> PCollection<Long> total(PCollection<T> results) {
    return results
        .apply("AllTime", allTime())
        .apply("Total", Combine.globally(Count.<T>combineFn()).withoutDefaults());
  }

  /** One window around every timestamp used in the tests. */
  static <T> Window<T> allTime() {
    return Window.<T>into(FixedWindows.of(Duration.standardDays(3650)))
        .triggering(AfterWatermark.pastEndOfWindow())
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes();
  }

  /**
   * Every result described as "window timing key=count", counted +1 for {@code a} and -1 for {@code b}:
   * what remains non-zero is in one and not the other (as a multiset).
   */
  static <T> PCollection<KV<String, Long>> difference(PCollection<T> a, PCollection<T> b) {
    PCollection<KV<String, Long>> plus =
        a.apply("DescribeA", ParDo.of(new DescribeFn<T>(1)))
            .apply("AllTimeA", CountPerSlidingWindowTest.<KV<String, Long>>allTime());
    PCollection<KV<String, Long>> minus =
        b.apply("DescribeB", ParDo.of(new DescribeFn<T>(-1)))
            .apply("AllTimeB", CountPerSlidingWindowTest.<KV<String, Long>>allTime());
    return PCollectionList.of(plus)
        .and(minus)
        .apply("Both", Flatten.pCollections())
        .apply("Net", Sum.longsPerKey())
        .apply("NonZero", Filter.by((KV<String, Long> kv) -> kv.getValue() != 0));
  }

  static final class DescribeFn<T> extends DoFn<T, KV<String, Long>> {
    private final long sign;

    DescribeFn(long sign) {
      this.sign = sign;
    }

    @ProcessElement
    public void process(
        @Element T result, BoundedWindow window, PaneInfo pane, OutputReceiver<KV<String, Long>> out) {
      out.output(KV.of(window + " " + pane.getTiming() + " " + result, sign));
    }
  }

  /** 20 tags, a few much hotter than the rest, in bursts with quiet stretches of 0-70 s between. */
  static List<TimestampedValue<String>> randomEvents(Random random, int count) {
    List<TimestampedValue<String>> events = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < count; i++) {
      t += random.nextInt(10) == 0 ? random.nextInt(70_000) : random.nextInt(900);
      int tag = (int) Math.floor(Math.pow(random.nextDouble(), 3) * 20);
      Instant time = T0.plus(Duration.millis(t));
      events.add(TimestampedValue.of("#t" + tag, time));
    }
    return events;
  }

  /**
   * In time order: batches of 20 with the watermark advanced to each batch's first element, or all at once
   * followed by the watermark jumping to the end.
   */
  static TestStream<String> inBatches(List<TimestampedValue<String>> events, boolean stepwise) {
    TestStream.Builder<String> stream = TestStream.create(StringUtf8Coder.of());
    int batchSize = stepwise ? 20 : events.size();
    for (int i = 0; i < events.size(); i += batchSize) {
      List<TimestampedValue<String>> batch = events.subList(i, Math.min(events.size(), i + batchSize));
      if (stepwise) {
        stream = stream.advanceWatermarkTo(batch.get(0).getTimestamp());
      }
      stream = stream.addElements(batch.get(0), rest(batch));
    }
    return stream.advanceWatermarkToInfinity();
  }

  @SuppressWarnings("unchecked")
  private static TimestampedValue<String>[] rest(List<TimestampedValue<String>> batch) {
    return batch.subList(1, batch.size()).toArray(new TimestampedValue[0]);
  }

  /** Counts per window by the definition: every window of SlidingWindows holding each element. */
  static Map<IntervalWindow, Map<String, Long>> bruteForce(
      List<TimestampedValue<String>> events, Duration size, Duration slide) {
    Map<IntervalWindow, Map<String, Long>> windows = new TreeMap<>();
    for (TimestampedValue<String> e : events) {
      for (IntervalWindow w : SlidingWindows.of(size).every(slide).assignWindows(e.getTimestamp())) {
        windows.computeIfAbsent(w, x -> new HashMap<>()).merge(e.getValue(), 1L, Long::sum);
      }
    }
    return windows;
  }

  static TimestampedValue<String> at(String tag, int secondsAfterT0) {
    return atMillis(tag, secondsAfterT0 * 1000L);
  }

  static TimestampedValue<String> atMillis(String tag, long millisAfterT0) {
    return TimestampedValue.of(tag, T0.plus(Duration.millis(millisAfterT0)));
  }

  static IntervalWindow window(int startSecondsAfterT0) {
    return new IntervalWindow(T0.plus(Duration.standardSeconds(startSecondsAfterT0)), SIZE);
  }
}
