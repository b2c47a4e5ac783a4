package dev.tributary.bench.sliding;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wall time, CPU time and peak heap of one run in this JVM, and the load average around it. The Direct
 * runner runs the pipeline here, so the JVM's figures are the pipeline's (plus the benchmark's own small
 * result tables).
 */
final class Measure {
  /** What one run cost. */
  record Cost(double seconds, double cpuSeconds, long peakHeapBytes, String load) {}

  private Measure() {}

  /**
   * Runs {@code run} after a full GC, polling the used heap every 10 ms: the peak includes garbage not yet
   * collected, so it is an upper bound of what the run needed.
   */
  static Cost of(Runnable run) throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    AtomicBoolean done = new AtomicBoolean();
    Thread poller =
        new Thread(
            () -> {
              while (!done.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-poller");
    poller.setDaemon(true);
    String loadBefore = loadAverage();
    poller.start();
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    try {
      run.run();
    } finally {
      done.set(true);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    poller.join();
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    return new Cost(seconds, cpuSeconds, peak.get(), loadBefore + " -> " + loadAverage());
  }

  /** CPU time of the whole JVM, every thread. */
  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
        : 0;
  }

  /** The 1-minute load average of the machine, from /proc/loadavg ("?" elsewhere). */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
