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
 * <p>The job runs twice in this JVM: first over a small warm-up file (timed apart, as the cold start: class
 * loading, JIT compilation, the engine's first start), then over the input, which is the run that counts.
 *
 * <p>Arguments: engine id, input file, warm-up file ("-" for none), scratch directory, results file, stats
 * file, then the engine's extra arguments.
 */
public final class EngineMain {
  private EngineMain() {}

  public static void main(String[] args) throws Exception {
    Engine engine = Engine.byId(args[0]);
    Path input = Path.of(args[1]);
    Path warmup = args[2].equals("-") ? null : Path.of(args[2]);
    Path scratch = Path.of(args[3]);
    Path resultsFile = Path.of(args[4]);
    Path statsFile = Path.of(args[5]);
    String[] extra = Arrays.copyOfRange(args, 6, args.length);
    Files.createDirectories(scratch);

    Properties stats = new Properties();
    if (warmup != null) {
      long start = System.nanoTime();
      engine.job(extra).run(warmup, Files.createDirectories(scratch.resolve("warmup")));
      stats.setProperty("warmupNanos", Long.toString(System.nanoTime() - start));
    }
    Path runScratch = Files.createDirectories(scratch.resolve("run"));
    LogJob job = engine.job(extra);
    // The warm-up's garbage is not the timed run's heap.
    System.gc();
    stats.setProperty("loadBefore", MachineLoad.averages());
    long cpuBefore = processCpuNanos();
    long gcBefore = gcMillis();
    long wallNanos;
    long peakHeap;
    try (HeapWatcher heap = new HeapWatcher()) {
      long start = System.nanoTime();
      job.run(input, runScratch);
      wallNanos = System.nanoTime() - start;
      peakHeap = heap.peakBytes();
    }
    stats.setProperty("wallNanos", Long.toString(wallNanos));
    stats.setProperty("cpuNanos", Long.toString(processCpuNanos() - cpuBefore));
    stats.setProperty("gcMillis", Long.toString(gcMillis() - gcBefore));
    stats.setProperty("peakHeapBytes", Long.toString(peakHeap));
    stats.setProperty("maxHeapBytes", Long.toString(Runtime.getRuntime().maxMemory()));
    stats.setProperty("loadAfter", MachineLoad.averages());

    List<String> results = job.results(runScratch);
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
