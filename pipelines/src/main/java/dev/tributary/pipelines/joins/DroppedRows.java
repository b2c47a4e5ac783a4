package dev.tributary.pipelines.joins;

import java.util.Locale;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * Rows a runner dropped for lateness inside one step. Beam drops rows behind the allowed lateness before
 * a grouping and counts them itself, under a name that depends on the runner ({@code DroppedDueToLateness}
 * on the Direct runner, {@code droppedDueToLateness} in the runners' shared code), so counters are matched by
 * name in any case and by step.
 */
final class DroppedRows {
  private static final String NAME = "droppedduetolateness";

  private DroppedRows() {}

  /** The total over the steps whose name contains {@code step}; 0 where the runner reports none. */
  static long in(PipelineResult result, String step) {
    long total = 0;
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder().build()).getCounters()) {
      if (counter.getName().getName().toLowerCase(Locale.ROOT).equals(NAME)
          && counter.getKey().stepName().contains(step)) {
        total += counter.getAttempted();
      }
    }
    return total;
  }
}
