package dev.tributary.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of a benchmark whose results all matched: one row per engine, ratios, and the targets. */
final class Report {
  private final long lines;
  private final Map<Engine, List<EngineRun>> runs = new LinkedHashMap<>();

  Report(long lines, List<EngineRun> all) {
    this.lines = lines;
    for (EngineRun r : all) {
      runs.computeIfAbsent(r.engine(), e -> new ArrayList<>()).add(r);
    }
  }

  /** Median wall time of the engine's runs, in seconds; NaN when it did not run. */
  double wallSeconds(Engine e) {
    List<EngineRun> list = runs.get(e);
    if (list == null || list.isEmpty()) {
      return Double.NaN;
    }
    List<Long> walls = new ArrayList<>(list.stream().map(EngineRun::wallNanos).toList());
    walls.sort(Comparator.naturalOrder());
    int n = walls.size();
    double median = n % 2 == 1 ? walls.get(n / 2) : (walls.get(n / 2 - 1) + walls.get(n / 2)) / 2.0;
    return median / 1e9;
  }

  double linesPerSecond(Engine e) {
    return lines / wallSeconds(e);
  }

  String table() {
    StringBuilder out = new StringBuilder();
    String header =
        String.format(
            Locale.ROOT,
            "%-44s %11s %8s %8s %10s %9s %8s %8s  %s",
            "engine", "lines/s", "wall s", "cpu s", "peak heap", "vs native", "vs loop", "cold s",
            "load 1m (start > end)");
    out.append(header).append('\n').append("-".repeat(header.length())).append('\n');
    double nativeRate = linesPerSecond(Engine.SPARK_NATIVE);
    double loopRate = linesPerSecond(Engine.LOOP);
    for (Map.Entry<Engine, List<EngineRun>> e : runs.entrySet()) {
      Engine engine = e.getKey();
      List<EngineRun> list = e.getValue();
      double rate = linesPerSecond(engine);
      double cpu = list.stream().mapToLong(EngineRun::cpuNanos).average().orElse(0) / 1e9;
      long heap = list.stream().mapToLong(EngineRun::peakHeapBytes).max().orElse(0);
      double cold = list.stream().mapToLong(EngineRun::warmupNanos).average().orElse(0) / 1e9;
      StringBuilder load = new StringBuilder();
      for (EngineRun r : list) {
        if (load.length() > 0) {
          load.append(", ");
        }
        load.append(r.loadBefore().split(" ")[0]).append(" > ").append(r.loadAfter().split(" ")[0]);
      }
      out.append(
              String.format(
                  Locale.ROOT,
                  "%-44s %11s %8.1f %8.1f %7d MB %9s %8s %8.1f  %s",
                  engine.label(),
                  String.format(Locale.ROOT, "%,.0f", rate),
                  wallSeconds(engine),
                  cpu,
                  heap >> 20,
                  ratio(rate, nativeRate),
                  ratio(rate, loopRate),
                  cold,
                  load))
          .append('\n');
    }
    return out.toString();
  }

  String targets() {
    StringBuilder out = new StringBuilder("targets (2 cores, ratios from this run):\n");
    double flink = linesPerSecond(Engine.FLINK);
    double loop = linesPerSecond(Engine.LOOP);
    double nativeSpark = linesPerSecond(Engine.SPARK_NATIVE);
    double spark = linesPerSecond(Engine.SPARK);
    double direct = linesPerSecond(Engine.DIRECT);
    target(out, "Flink p=2 >= 0.5x the plain loop", flink / loop, 0.5, "x");
    target(out, "Flink p=2 >= 3x native Spark SS", flink / nativeSpark, 3.0, "x");
    target(out, "Spark runner >= 1.0x native Spark SS", spark / nativeSpark, 1.0, "x");
    target(out, "Direct runner >= 100 k lines/s (checks on)", direct / 1000, 100, " k lines/s");
    return out.toString();
  }

  private static void target(StringBuilder out, String name, double measured, double goal, String unit) {
    String verdict;
    String value;
    if (Double.isNaN(measured)) {
      verdict = "not measured";
      value = "-";
    } else {
      verdict = measured >= goal ? "met" : "NOT met";
      value = String.format(Locale.ROOT, "%.2f%s", measured, unit);
    }
    out.append(String.format(Locale.ROOT, "  %-46s %14s  %s%n", name, value, verdict));
  }

  private static String ratio(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2fx", a / b);
  }
}
