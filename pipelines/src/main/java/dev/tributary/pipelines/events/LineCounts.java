package dev.tributary.pipelines.events;

import dev.tributary.transforms.common.CounterTotals;
import dev.tributary.transforms.events.ParseLines;
import org.apache.beam.sdk.PipelineResult;

/** The line counters of a {@link ParseLines} step, read from a finished run and said in one phrase. */
public final class LineCounts {
  private LineCounts() {}

  /** E.g. {@code read 14 lines: 10 parsed, 3 rejected, 1 header}. */
  public static String describe(PipelineResult result, String namespace) {
    long parsed = CounterTotals.of(result, namespace, ParseLines.PARSED);
    long rejected = CounterTotals.of(result, namespace, ParseLines.REJECTED);
    long skipped = CounterTotals.of(result, namespace, ParseLines.SKIPPED);
    String text = "read " + (parsed + rejected + skipped) + " lines: " + parsed + " parsed, " + rejected + " rejected";
    return skipped == 0 ? text : text + ", " + skipped + (skipped == 1 ? " header" : " headers");
  }
}
