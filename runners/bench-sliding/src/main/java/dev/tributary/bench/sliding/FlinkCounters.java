package dev.tributary.bench.sliding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Beam counters of a job on embedded Flink while it runs. Flink's runner hands Beam's metrics to the caller
 * only when the job is over (attached), or not at all (detached on a local cluster: the result's metrics
 * stay empty); but it mirrors each Beam counter into a Flink counter at every bundle's end, and Flink shows
 * its counters to the metric reporters it is configured with. This is one, registered with Flink through
 * {@link #confDir()}; it keeps the counters and reads them on demand.
 */
public final class FlinkCounters implements MetricReporter {
  private static final List<Named> COUNTERS = new CopyOnWriteArrayList<>();

  private record Named(String name, Counter counter) {}

  /**
   * A Flink configuration directory that adds this reporter, for the Beam option {@code --flinkConfDir}.
   */
  static Path confDir() {
    try {
      Path dir = Files.createTempDirectory("bench-flink-conf");
      dir.toFile().deleteOnExit();
      String conf = "metrics.reporter.bench.factory.class: " + Factory.class.getName() + "\n";
      // Flink 1.19 reads config.yaml, or else the older flink-conf.yaml; this flat line suits both.
      for (String name : List.of("config.yaml", "flink-conf.yaml")) {
        Path f = Files.writeString(dir.resolve(name), conf);
        f.toFile().deleteOnExit();
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sum of the counters whose Flink name contains {@code part}: one per parallel instance. */
  static long sum(String part) {
    long sum = 0;
    for (Named c : COUNTERS) {
      if (c.name.contains(part)) {
        sum += c.counter.getCount();
      }
    }
    return sum;
  }

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    if (metric instanceof Counter) {
      // Kept after the job ends too: the counter object still holds the final count.
      COUNTERS.add(new Named(name, (Counter) metric));
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {}

  /** What Flink instantiates, found through {@code META-INF/services}. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new FlinkCounters();
    }
  }
}
