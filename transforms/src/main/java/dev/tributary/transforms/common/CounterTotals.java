package dev.tributary.transforms.common;

import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/** Reads a Beam counter's total across all steps from a pipeline run. */
public final class CounterTotals {
  private CounterTotals() {}

  /**
   * The attempted value summed over every step reporting the counter. Attempted rather than committed
   * because not every runner reports committed metrics; for a run that finished, the two agree.
   */
  public static long of(PipelineResult result, String namespace, String name) {
    long total = 0;
    for (MetricResult<Long> counter :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder().addNameFilter(MetricNameFilter.named(namespace, name)).build())
            .getCounters()) {
      total += counter.getAttempted();
    }
    return total;
  }
}
