package dev.tributary.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's command line. Every mistake is an {@link IllegalArgumentException} with a one-line message. */
final class BenchOptions {
  static final String USAGE =
      String.join(
          "\n",
          "usage: runners/bench/run.sh [options]",
          "  --lines=N          log lines to generate and process (default 2000000)",
          "  --seed=N           generator seed; same seed and lines, same file (default 20240601)",
          "  --hours=H          span of the request times in the file (default 4)",
          "  --engines=A,B      engines to run, in order (default loop,direct,flink,spark,spark-native;",
          "                     also direct-unchecked); the plain loop always runs, as the reference",
          "  --warmup=N         each engine first runs the job over the first N lines in the same JVM,",
          "                     timed apart as its cold start (default 100000; 0: no warm-up)",
          "  --runs=N           runs per engine, interleaved; the median wall time is reported (default 1)",
          "  --heap=SIZE        -Xmx of every engine JVM (default 3g)",
          "  --workDir=DIR      generated file, logs, results (default runners/bench/target/bench)",
          "  --jfr              record a JFR profile of every engine run (<workDir>/profiles/)",
          "  --args:ENGINE=...  extra arguments for one engine, e.g. --args:flink=--objectReuse=true",
          "                     (Beam pipeline options; for spark-native: the shuffle partitions)");

  long lines = 2_000_000;
  long seed = 20240601;
  double hours = 4;
  List<Engine> engines = new ArrayList<>(Engine.DEFAULT);
  int runs = 1;
  long warmupLines = 100_000;
  String heap = "3g";
  Path workDir = Path.of("target", "bench");
  boolean jfr;
  Map<Engine, List<String>> extraArgs = new LinkedHashMap<>();
  boolean help;

  static BenchOptions parse(String[] args) {
    BenchOptions o = new BenchOptions();
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        o.help = true;
        continue;
      }
      if (arg.equals("--jfr")) {
        o.jfr = true;
        continue;
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'; see --help");
      }
      String name = arg.substring(2, eq);
      String value = arg.substring(eq + 1);
      if (name.startsWith("args:")) {
        Engine e = Engine.byId(name.substring("args:".length()));
        o.extraArgs.computeIfAbsent(e, k -> new ArrayList<>()).addAll(List.of(value.trim().split("\\s+")));
        continue;
      }
      switch (name) {
        case "lines" -> o.lines = positiveLong(name, value);
        case "seed" -> o.seed = longValue(name, value);
        case "hours" -> o.hours = positiveDouble(name, value);
        case "warmup" -> {
          o.warmupLines = longValue(name, value);
          if (o.warmupLines < 0) {
            throw new IllegalArgumentException("--warmup must be 0 or more, got " + value);
          }
        }
        case "runs" -> o.runs = (int) Math.min(positiveLong(name, value), 100);
        case "heap" -> {
          if (!value.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("--heap=" + value + " is not a JVM heap size like 3g or 2048m");
          }
          o.heap = value;
        }
        case "workDir" -> o.workDir = Path.of(value);
        case "engines" -> {
          List<Engine> list = new ArrayList<>();
          for (String id : value.split(",")) {
            Engine e = Engine.byId(id);
            if (!list.contains(e)) {
              list.add(e);
            }
          }
          o.engines = list;
        }
        default -> throw new IllegalArgumentException("unknown option --" + name + "; see --help");
      }
    }
    // The loop's results are the reference, so it always runs, first.
    o.engines.remove(Engine.LOOP);
    o.engines.add(0, Engine.LOOP);
    return o;
  }

  List<String> extraArgs(Engine e) {
    return extraArgs.getOrDefault(e, List.of());
  }

  private static long longValue(String name, String value) {
    try {
      return Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + "=" + value + " is not a whole number");
    }
  }

  private static long positiveLong(String name, String value) {
    long v = longValue(name, value);
    if (v < 1) {
      throw new IllegalArgumentException("--" + name + " must be at least 1, got " + value);
    }
    return v;
  }

  private static double positiveDouble(String name, String value) {
    try {
      double v = Double.parseDouble(value);
      if (v > 0 && !Double.isInfinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--" + name + "=" + value + " is not a positive number");
  }
}
