package dev.tributary.transforms.logs;

import dev.tributary.transforms.common.CountWithinBundles;
import dev.tributary.transforms.common.TopOfCountTablesFn;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.transforms.windowing.Trigger;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * The most requested endpoints per sliding window: by default the top 10 over 30 s windows every 10 s,
 * ordered by count descending (ties by endpoint). One output element per window firing, holding the ranked
 * list.
 *
 * <p>Timing: a window fires when the watermark passes its end (on time). With {@link #withEarlyFirings} it
 * also fires before that, in processing time. Records up to {@link #withAllowedLateness} behind the
 * watermark re-fire the window with the corrected ranking (late); older ones are dropped by Beam and counted
 * in the runner's dropped-data metric. Panes accumulate, so every firing ranks the whole window.
 *
 * <p>Records whose request had no endpoint ({@code "-"} or junk) are not ranked; they are counted in
 * {@value ParseAccessLogs#NAMESPACE}/{@value #NO_ENDPOINT}.
 */
public final class TopEndpoints extends PTransform<PCollection<LogRecord>, PCollection<List<KV<String, Long>>>> {
  public static final String NO_ENDPOINT = "records_without_endpoint";

  private final int n;
  private final Duration size;
  private final Duration slide;
  private final Duration allowedLateness;
  private final @Nullable Duration earlyFiringDelay;

  public static TopEndpoints create() {
    return new TopEndpoints(
        10, Duration.standardSeconds(30), Duration.standardSeconds(10), Duration.ZERO, null);
  }

  private TopEndpoints(
      int n,
      Duration size,
      Duration slide,
      Duration allowedLateness,
      @Nullable Duration earlyFiringDelay) {
    this.n = n;
    this.size = size;
    this.slide = slide;
    this.allowedLateness = allowedLateness;
    this.earlyFiringDelay = earlyFiringDelay;
  }

  public TopEndpoints withTopN(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("top-N needs n >= 1, got " + n);
    }
    return new TopEndpoints(n, size, slide, allowedLateness, earlyFiringDelay);
  }

  public TopEndpoints withWindow(Duration size, Duration slide) {
    if (!size.isLongerThan(Duration.ZERO) || !slide.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("window size and slide must be positive");
    }
    if (slide.isLongerThan(size)) {
      throw new IllegalArgumentException(
          "window slide " + slide + " is longer than its size " + size + ": records would be skipped");
    }
    return new TopEndpoints(n, size, slide, allowedLateness, earlyFiringDelay);
  }

  public TopEndpoints withAllowedLateness(Duration allowedLateness) {
    if (allowedLateness.isShorterThan(Duration.ZERO)) {
      throw new IllegalArgumentException("allowed lateness cannot be negative");
    }
    return new TopEndpoints(n, size, slide, allowedLateness, earlyFiringDelay);
  }

  /** Also fire this long (processing time) after the first record of a pane, before the window closes. */
  public TopEndpoints withEarlyFirings(Duration delay) {
    if (!delay.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("early firing delay must be positive");
    }
    return new TopEndpoints(n, size, slide, allowedLateness, delay);
  }

  @Override
  public PCollection<List<KV<String, Long>>> expand(PCollection<LogRecord> records) {
    return records
        .apply("ExtractEndpoint", ParDo.of(new EndpointFn()))
        .apply("SlidingWindows", this.<String>windowedBy(windows()))
        .apply("CountWithinBundles", CountWithinBundles.create())
        .apply("RankEndpoints", rank());
  }

  int topN() {
    return n;
  }

  /** The windows ranked: {@code size} long, starting every {@code slide}. */
  SlidingWindows windows() {
    return SlidingWindows.of(size).every(slide);
  }

  /** {@code windowFn} with this transform's trigger, allowed lateness and accumulating panes. */
  <T> Window<T> windowedBy(WindowFn<? super T, ?> windowFn) {
    return Window.<T>into(windowFn)
        .triggering(trigger())
        .withAllowedLateness(allowedLateness)
        .accumulatingFiredPanes();
  }

  /** Adds up count tables per window and ranks the top {@code n}. */
  Combine.Globally<Map<String, Long>, List<KV<String, Long>>> rank() {
    return Combine.globally(TopOfCountTablesFn.<String>of(n)).withoutDefaults();
  }

  /**
   * On time, then once per late record. Without early firings that is exactly Beam's default trigger, and
   * it is written as such: runners pre-combine (lift) a combine only under the default trigger (the Direct
   * runner checks for it), and without lifting every record of a window is buffered whole before it is
   * counted.
   */
  private Trigger trigger() {
    if (earlyFiringDelay == null) {
      return DefaultTrigger.of();
    }
    return AfterWatermark.pastEndOfWindow()
        .withEarlyFirings(AfterProcessingTime.pastFirstElementInPane().plusDelayOf(earlyFiringDelay))
        .withLateFirings(AfterPane.elementCountAtLeast(1));
  }

  private static final class EndpointFn extends DoFn<LogRecord, String> {
    private final Counter noEndpoint = Metrics.counter(ParseAccessLogs.NAMESPACE, NO_ENDPOINT);

    @ProcessElement
    public void process(@Element LogRecord record, OutputReceiver<String> out) {
      String endpoint = record.getEndpoint();
      if (endpoint == null) {
        noEndpoint.inc();
      } else {
        out.output(endpoint);
      }
    }
  }
}
