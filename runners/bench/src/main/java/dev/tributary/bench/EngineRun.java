package dev.tributary.bench;

import java.util.List;

/**
 * One engine's run as its JVM reported it; {@code failure} is null when it ran to the end. {@code warmupNanos}
 * is the cold first run over the warm-up file (0 without one).
 */
record EngineRun(
    Engine engine,
    int run,
    String failure,
    long wallNanos,
    long warmupNanos,
    long cpuNanos,
    long gcMillis,
    long peakHeapBytes,
    String loadBefore,
    String loadAfter,
    long processMillis,
    List<String> results) {

  boolean ok() {
    return failure == null;
  }

  static EngineRun failed(Engine engine, int run, String failure, long processMillis) {
    return new EngineRun(engine, run, failure, 0, 0, 0, 0, 0, "?", "?", processMillis, List.of());
  }
}
