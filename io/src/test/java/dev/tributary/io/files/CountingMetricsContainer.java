package dev.tributary.io.files;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.metrics.BoundedTrie;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Gauge;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricsContainer;
import org.apache.beam.sdk.metrics.StringSet;

/**
 * Collects counters for reader tests that run without a pipeline, where Beam has no container of its
 * own; install it with {@code MetricsEnvironment.scopedMetricsContainer}.
 */
final class CountingMetricsContainer implements MetricsContainer {
  private static final long serialVersionUID = 1L;

  private final Map<MetricName, AtomicLong> counters = new ConcurrentHashMap<>();

  long counter(String namespace, String name) {
    AtomicLong value = counters.get(MetricName.named(namespace, name));
    return value == null ? 0 : value.get();
  }

  @Override
  public Counter getCounter(MetricName metricName) {
    AtomicLong value = counters.computeIfAbsent(metricName, unused -> new AtomicLong());
    return new Counter() {
      @Override
      public void inc() {
        inc(1);
      }

      @Override
      public void inc(long n) {
        value.addAndGet(n);
      }

      @Override
      public void dec() {
        inc(-1);
      }

      @Override
      public void dec(long n) {
        inc(-n);
      }

      @Override
      public MetricName getName() {
        return metricName;
      }
    };
  }

  @Override
  public Distribution getDistribution(MetricName metricName) {
    throw new UnsupportedOperationException("only counters are collected");
  }

  @Override
  public Gauge getGauge(MetricName metricName) {
    throw new UnsupportedOperationException("only counters are collected");
  }

  @Override
  public StringSet getStringSet(MetricName metricName) {
    throw new UnsupportedOperationException("only counters are collected");
  }

  @Override
  public BoundedTrie getBoundedTrie(MetricName metricName) {
    throw new UnsupportedOperationException("only counters are collected");
  }
}
