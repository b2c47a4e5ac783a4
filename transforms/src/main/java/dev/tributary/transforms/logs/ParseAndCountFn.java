package dev.tributary.transforms.logs;

import dev.tributary.transforms.common.BundleCountTables;
import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.common.LinesOf;
import dev.tributary.transforms.common.PackedCounts;
import java.io.IOException;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * The one per-line step of {@link AnalyzeAccessLogs}: takes the lines of each element ({@link LinesOf}),
 * parses each, places it in time, and counts its status (since the start) and its endpoint (in each sliding
 * window it falls in) into tables kept for the bundle. The tables leave when the bundle finishes, or earlier
 * when {@link BundleCountTables} bounds memory. Endpoint tables leave packed ({@link PackedCounts}) and carry
 * their window in the key, because this step's output is in the global window.
 */
final class ParseAndCountFn<I> extends DoFn<I, Map<Integer, Long>> {
  private final Counter parsed = Metrics.counter(ParseAccessLogs.NAMESPACE, ParseAccessLogs.PARSED);
  private final Counter rejected = Metrics.counter(ParseAccessLogs.NAMESPACE, ParseAccessLogs.REJECTED);
  private final Counter noEndpoint = Metrics.counter(ParseAccessLogs.NAMESPACE, TopEndpoints.NO_ENDPOINT);

  private final LinesOf<I> linesOf;
  private final @Nullable TimeMode timeMode;
  private final SlidingWindows windows;
  private final TupleTag<Map<Integer, Long>> statusTables;
  private final TupleTag<KV<IntervalWindow, PackedCounts>> endpointTables;
  private final TupleTag<DeadLetter> deadLetters;

  private transient BundleCountTables<Integer> statuses;
  private transient BundleCountTables<String> endpoints;
  // Counted locally and added to the counters once per bundle: some runners do work per counter update.
  private transient long parsedInBundle;
  private transient long rejectedInBundle;
  private transient long noEndpointInBundle;

  /** @param timeMode null: keep each line's own timestamp */
  ParseAndCountFn(
      LinesOf<I> linesOf,
      @Nullable TimeMode timeMode,
      SlidingWindows windows,
      TupleTag<Map<Integer, Long>> statusTables,
      TupleTag<KV<IntervalWindow, PackedCounts>> endpointTables,
      TupleTag<DeadLetter> deadLetters) {
    this.linesOf = linesOf;
    this.timeMode = timeMode;
    this.windows = windows;
    this.statusTables = statusTables;
    this.endpointTables = endpointTables;
    this.deadLetters = deadLetters;
  }

  @Setup
  public void setup() {
    int maxWindows = BundleCountTables.DEFAULT_MAX_OPEN_WINDOWS;
    int maxEntries = BundleCountTables.DEFAULT_MAX_ENTRIES;
    statuses = new BundleCountTables<>(maxWindows, maxEntries);
    endpoints = new BundleCountTables<>(maxWindows, maxEntries);
  }

  @ProcessElement
  public void process(@Element I element, @Timestamp Instant time, MultiOutputReceiver out) throws IOException {
    linesOf.forEach(element, line -> count(line, time, out));
  }

  private void count(String line, Instant lineTime, MultiOutputReceiver out) {
    LogRecord record;
    try {
      record = AccessLogParser.parse(line);
    } catch (MalformedLogLineException e) {
      rejectedInBundle++;
      out.get(deadLetters).output(new DeadLetter(line, e.getMessage()));
      return;
    }
    parsedInBundle++;
    Instant t = timeOf(record, lineTime);
    // A table leaving mid-bundle may not be stamped earlier than the line being processed.
    statuses.add(
        GlobalWindow.INSTANCE,
        record.getStatus(),
        t,
        (w, counts, earliest) ->
            out.get(statusTables).outputWithTimestamp(BundleCountTables.boxed(counts), later(earliest, lineTime)));
    String endpoint = record.getEndpoint();
    if (endpoint == null) {
      noEndpointInBundle++;
      return;
    }
    for (IntervalWindow w : windows.assignWindows(t)) {
      endpoints.add(
          w,
          endpoint,
          t,
          (window, counts, earliest) ->
              out.get(endpointTables)
                  .outputWithTimestamp(packed(window, counts), later(earliest, lineTime)));
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext c) {
    statuses.flush((w, counts, earliest) -> c.output(statusTables, BundleCountTables.boxed(counts), earliest, w));
    endpoints.flush(
        (w, counts, earliest) ->
            c.output(endpointTables, packed(w, counts), earliest, GlobalWindow.INSTANCE));
    parsed.inc(parsedInBundle);
    rejected.inc(rejectedInBundle);
    noEndpoint.inc(noEndpointInBundle);
    parsedInBundle = 0;
    rejectedInBundle = 0;
    noEndpointInBundle = 0;
  }

  private Instant timeOf(LogRecord record, Instant lineTime) {
    if (timeMode == null) {
      return lineTime;
    }
    return timeMode == TimeMode.EVENT ? record.getTimestamp() : Instant.now();
  }

  private static KV<IntervalWindow, PackedCounts> packed(BoundedWindow window, Map<String, long[]> counts) {
    return KV.of((IntervalWindow) window, PackedCounts.pack(counts));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isBefore(b) ? b : a;
  }
}
