package dev.tributary.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The benchmark's entry point (runners/bench/run.sh): generates the log file once, runs the job on every
 * engine in a JVM of its own with the same flags, checks that every engine produced exactly the plain
 * loop's results, and only then prints the speeds, ratios and targets.
 *
 * <p>Exit status: 0 when every engine ran and matched, 1 when one failed or differed, 2 for a bad option.
 */
public final class Benchmark {
  /** Spark needs these on Java 17; every engine JVM gets them so that all run with the same flags. */
  private static final List<String> ADD_OPENS =
      List.of(
          "java.base/java.lang", "java.base/java.lang.invoke", "java.base/java.lang.reflect", "java.base/java.io",
          "java.base/java.net", "java.base/java.nio", "java.base/java.util", "java.base/java.util.concurrent",
          "java.base/java.util.concurrent.atomic", "java.base/jdk.internal.ref", "java.base/sun.nio.ch",
          "java.base/sun.nio.cs", "java.base/sun.security.action", "java.base/sun.util.calendar");

  private final BenchOptions options;
  private final StringBuilder transcript = new StringBuilder();

  private Benchmark(BenchOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    System.exit(new Benchmark(options).run());
  }

  private int run() throws Exception {
    Path work = options.workDir.toAbsolutePath();
    Files.createDirectories(work);
    say("Tributary benchmark, " + Instant.now());
    say(
        String.format(
            Locale.ROOT,
            "machine: %d cores, %s, Java %s; load average %s (1, 5, 15 min)",
            Runtime.getRuntime().availableProcessors(),
            memory(),
            System.getProperty("java.version"),
            MachineLoad.averages()));

    Path input = input(work);
    Path warmup = warmup(input);
    say(
        String.format(
            Locale.ROOT,
            "input: %s, %,d lines, %,d MB, seed %d, %.1f h of requests",
            input, options.lines, Files.size(input) >> 20, options.seed, options.hours));
    say("every engine: its own JVM, -Xmx" + options.heap + "; wall time = the job, from before the engine starts"
        + " up to its results written;");
    say(warmup == null
        ? "  no warm-up: the timed run is the JVM's first"
        : String.format(
            Locale.ROOT,
            "  it is the JVM's second run: the first (\"cold\", timed apart) runs the job over the first %,d lines",
            options.warmupLines));
    say("");

    List<EngineRun> runs = new ArrayList<>();
    for (int r = 1; r <= options.runs; r++) {
      for (Engine engine : options.engines) {
        runs.add(runEngine(engine, r, input, warmup, work));
      }
    }
    say("");

    boolean allGood = check(runs);
    if (!allGood) {
      say("");
      say("results differ or an engine failed: no speeds are reported (logs: " + work.resolve("logs") + ")");
      save(work);
      return 1;
    }
    Report report = new Report(options.lines, runs);
    say(report.table());
    say(report.targets());
    save(work);
    return 0;
  }

  /** The generated file, written on first use and kept for later runs with the same parameters. */
  private Path input(Path work) throws IOException {
    String name =
        String.format(
            Locale.ROOT, "input-%d-lines-seed-%d-%sh-v%d", options.lines, options.seed, trim(options.hours),
            LogFileGenerator.VERSION);
    Path file = work.resolve(name).resolve("access.log");
    if (!Files.exists(file)) {
      long start = System.nanoTime();
      LogFileGenerator.write(file, options.seed, options.lines, options.hours);
      say(String.format(Locale.ROOT, "generated the input in %.1f s", (System.nanoTime() - start) / 1e9));
    }
    return file;
  }

  /** The first lines of the input in a directory of their own (the file source of Spark reads directories). */
  private Path warmup(Path input) throws IOException {
    if (options.warmupLines == 0) {
      return null;
    }
    Path file =
        input.getParent().resolveSibling(input.getParent().getFileName() + "-warmup-" + options.warmupLines)
            .resolve("access.log");
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      Path partial = file.resolveSibling(".access.log.partial");
      try (java.io.BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
          java.io.BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        String line;
        for (long i = 0; i < options.warmupLines && (line = in.readLine()) != null; i++) {
          out.write(line);
          out.write('\n');
        }
      }
      Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    return file;
  }

  private EngineRun runEngine(Engine engine, int run, Path input, Path warmup, Path work) throws Exception {
    String tag = engine.id() + "-run" + run;
    Path scratch = work.resolve("scratch").resolve(tag);
    deleteTree(scratch);
    Path results = work.resolve("results").resolve(tag + ".txt");
    Path stats = work.resolve("results").resolve(tag + ".properties");
    Path log = work.resolve("logs").resolve(tag + ".log");
    Files.createDirectories(results.getParent());
    Files.createDirectories(log.getParent());
    Files.deleteIfExists(results);
    Files.deleteIfExists(stats);

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + options.heap);
    ADD_OPENS.forEach(m -> command.add("--add-opens=" + m + "=ALL-UNNAMED"));
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-Dorg.slf4j.simpleLogger.log.org.apache.flink.metrics=error");
    command.add("-Dspark.ui.enabled=false");
    command.add("-Dspark.driver.host=127.0.0.1");
    command.add("-Dspark.driver.bindAddress=127.0.0.1");
    command.add("-Dspark.local.dir=" + scratch.resolve("spark-local"));
    if (options.jfr) {
      Path profile = work.resolve("profiles").resolve(tag + ".jfr");
      Files.createDirectories(profile.getParent());
      command.add("-XX:StartFlightRecording=filename=" + profile + ",settings=profile");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EngineMain.class.getName());
    command.add(engine.id());
    command.add(input.toString());
    command.add(warmup == null ? "-" : warmup.toString());
    command.add(scratch.toString());
    command.add(results.toString());
    command.add(stats.toString());
    command.addAll(options.extraArgs(engine));

    System.out.printf(Locale.ROOT, "%-44s run %d ... ", engine.label(), run);
    System.out.flush();
    long start = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process child = pb.start();
    // If the benchmark is interrupted (Ctrl-C), the engine's JVM goes with it.
    Thread reaper = new Thread(child::destroyForcibly, "stop-" + tag);
    Runtime.getRuntime().addShutdownHook(reaper);
    int exit = child.waitFor();
    Runtime.getRuntime().removeShutdownHook(reaper);
    long processMillis = (System.nanoTime() - start) / 1_000_000;
    if (exit != 0 || !Files.exists(stats)) {
      String failure = "exit status " + exit + ", see " + log;
      System.out.println("FAILED (" + failure + ")");
      transcript.append(engine.label()).append(" run ").append(run).append(": FAILED, ").append(failure).append('\n');
      return EngineRun.failed(engine, run, failure, processMillis);
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(stats)) {
      p.load(in);
    }
    EngineRun r =
        new EngineRun(
            engine,
            run,
            null,
            Long.parseLong(p.getProperty("wallNanos")),
            Long.parseLong(p.getProperty("warmupNanos", "0")),
            Long.parseLong(p.getProperty("cpuNanos")),
            Long.parseLong(p.getProperty("gcMillis")),
            Long.parseLong(p.getProperty("peakHeapBytes")),
            p.getProperty("loadBefore"),
            p.getProperty("loadAfter"),
            processMillis,
            ResultLines.read(results));
    String line =
        String.format(
            Locale.ROOT,
            "%.1f s (cold run %.1f s, JVM %.1f s), load %s > %s",
            r.wallNanos() / 1e9, r.warmupNanos() / 1e9, processMillis / 1e3, r.loadBefore(), r.loadAfter());
    System.out.println(line);
    transcript.append(String.format(Locale.ROOT, "%-44s run %d ... %s%n", engine.label(), run, line));
    deleteTree(scratch);
    return r;
  }

  /** Compares every run with the plain loop's first run; prints what differs. */
  private boolean check(List<EngineRun> runs) {
    EngineRun reference = runs.get(0);
    if (!reference.ok()) {
      say("the reference (plain loop) failed: nothing to compare with");
      return false;
    }
    say("reference (plain loop): " + ResultLines.summary(reference.results()) + ", "
        + reference.results().size() + " result lines");
    boolean allGood = true;
    for (EngineRun r : runs.subList(1, runs.size())) {
      if (!r.ok()) {
        allGood = false;
        continue;
      }
      List<String> diff = ResultLines.differences(reference.results(), r.results(), 10);
      if (diff.isEmpty()) {
        say(String.format(Locale.ROOT, "  %-44s run %d: identical results", r.engine().label(), r.run()));
      } else {
        allGood = false;
        say(String.format(Locale.ROOT, "  %-44s run %d: RESULTS DIFFER", r.engine().label(), r.run()));
        diff.forEach(d -> say("      " + d));
      }
    }
    return allGood;
  }

  private void say(String line) {
    System.out.println(line);
    transcript.append(line).append('\n');
  }

  /** Keeps a copy of the printed report next to the results. */
  private void save(Path work) throws IOException {
    Path file = work.resolve("report-" + Instant.now().toString().replace(":", "") + ".txt");
    Files.writeString(file, transcript, StandardCharsets.UTF_8);
    System.out.println("(report saved to " + file + ")");
  }

  private static String memory() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return (os.getTotalMemorySize() >> 30) + " GB RAM";
    }
    return "RAM unknown";
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
