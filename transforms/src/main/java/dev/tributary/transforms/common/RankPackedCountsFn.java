package dev.tributary.transforms.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Adds up the packed count tables grouped under one key (a window, say) and ranks the {@code n} most
 * frequent keys as {@link TopCountsFn} does: count descending, then key ascending. With accumulating panes
 * each firing gets every table so far, so each ranking covers the whole group.
 */
public final class RankPackedCountsFn<G> extends DoFn<KV<G, Iterable<PackedCounts>>, List<KV<String, Long>>> {
  private final TopCountsFn<String> top;

  public static <G> RankPackedCountsFn<G> top(int n) {
    return new RankPackedCountsFn<>(TopCountsFn.<String>of(n));
  }

  private RankPackedCountsFn(TopCountsFn<String> top) {
    this.top = top;
  }

  @ProcessElement
  public void process(@Element KV<G, Iterable<PackedCounts>> group, OutputReceiver<List<KV<String, Long>>> out) {
    Map<String, Long> totals = new HashMap<>();
    for (PackedCounts table : group.getValue()) {
      table.addTo(totals);
    }
    out.output(top.extractOutput(totals));
  }
}
