package dev.tributary.bench;

import dev.tributary.bench.engines.LogJob;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Runs one engine in this JVM, started by {@link Benchmark}: times the job, watches the heap, then writes
 * the results and the figures for the parent to compare and report.
 *
 * <p>Arguments: engine id, input file, scratch directory, results file, stats file, then the engine's extra
 * arguments.
 */
public final class EngineMain {
  private EngineMain() {}

  public static void main(String[] args) throws Exception {
    Engine engine = Engine.byId(args[0]);
    Path input = Path.of(args[1]);
    Path scratch = Path.of(args[2]);
    Path resultsFile = Path.of(args[3]);
    Path statsFile = Path.of(args[4]);
    String[] extra = Arrays.copyOfRange(args, 5, args.length);
    Files.createDirectories(scratch);

    LogJob job = engine.job(extra);
    Properties stats = new Properties();
    stats.setProperty("loadBefore", MachineLoad.averages());
    long cpuBefore = processCpuNanos();
    long gcBefore = gcMillis();
    long wallNanos;
    long peakHeap;
    try (HeapWatcher heap = new HeapWatcher()) {
      long start = System.nanoTime();
      job.run(input, scratch);
      wallNanos = System.nanoTime() - start;
      peakHeap = heap.peakBytes();
    }
    stats.setProperty("wallNanos", Long.toString(wallNanos));
    stats.setProperty("cpuNanos", Long.toString(processCpuNanos() - cpuBefore));
    stats.setProperty("gcMillis", Long.toString(gcMillis() - gcBefore));
    stats.setProperty("peakHeapBytes", Long.toString(peakHeap));
    stats.setProperty("maxHeapBytes", Long.toString(Runtime.getRuntime().maxMemory()));
    stats.setProperty("loadAfter", MachineLoad.averages());

    List<String> results = job.results(scratch);
    ResultLines.write(resultsFile, results);
    try (OutputStream out = Files.newOutputStream(statsFile)) {
      stats.store(out, engine.label());
    }
    // Spark and Flink leave non-daemon threads behind; the figures are written, so end here.
    System.exit(0);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

}
