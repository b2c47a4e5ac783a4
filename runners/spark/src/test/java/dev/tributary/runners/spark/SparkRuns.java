package dev.tributary.runners.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.pipelines.cli.Tributary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Spark integration tests share: where things are, running the job on the Direct runner in this
 * JVM and through {@code bin/spark-submit.sh} in a child process, running the cluster scripts, and comparing
 * the JSON Lines results of two runs window by window.
 */
final class SparkRuns {
  static final String[] QUERIES = {"status_counts", "top_endpoints", "rejected_lines"};
  /** Direct marks every batch result ON_TIME; Spark's batch mode reports UNKNOWN pane timing. */
  static final Set<String> SPARK_BATCH_TIMINGS = Set.of("on_time", "unknown");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SUMMARY = Pattern.compile("logs: read \\d+ lines: \\d+ parsed, \\d+ rejected");
  private static final Map<List<String>, Run> DIRECT_RUNS = new ConcurrentHashMap<>();

  private SparkRuns() {}

  /** The checkout: the first directory upwards that has data/logs and a pom.xml. */
  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("data/logs")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no data/logs folder above " + Path.of("").toAbsolutePath());
  }

  static Path moduleDir() {
    String set = System.getProperty("tributary.spark.moduleDir");
    return set != null ? Path.of(set) : repoRoot().resolve("runners/spark");
  }

  static Path bundledJar() {
    String set = System.getProperty("tributary.spark.bundledJar");
    Path jar = set != null ? Path.of(set) : null;
    if (jar == null || !Files.isRegularFile(jar)) {
      fail("no bundled jar at " + jar + "; run through `mvn verify`, which builds it in `package`");
    }
    return jar;
  }

  /** A fresh folder under target/it-work for one run's files, kept for inspection. */
  static Path workDir(String name) throws IOException {
    Path dir = moduleDir().resolve("target/it-work").resolve(name + "-" + System.nanoTime());
    return Files.createDirectories(dir);
  }

  /** A port nobody listens on right now (on 127.0.0.1). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Result of one run of the job: exit status, output, and the folder plus prefix of its JSON files. */
  record Run(int status, String out, String err, Path outputPrefix) {
    Path file(String query) {
      return outputPrefix.resolveSibling(outputPrefix.getFileName() + "-" + query + ".jsonl");
    }

    String summary() {
      Matcher m = SUMMARY.matcher(out);
      String last = null;
      while (m.find()) {
        last = m.group();
      }
      return last;
    }

    String describe() {
      return "status " + status + "\n--- stdout (tail) ---\n" + tail(out) + "\n--- stderr (tail) ---\n" + tail(err);
    }
  }

  /**
   * The logs job on the Direct runner in this JVM, through the same command line; memoised per argument
   * list, as several tests compare against the same Direct results.
   */
  static Run direct(String name, String... jobArgs) {
    return DIRECT_RUNS.computeIfAbsent(List.of(jobArgs), args -> {
      try {
        Path prefix = workDir("direct-" + name).resolve("run");
        List<String> all = new ArrayList<>(Arrays.asList(jobArgs));
        all.add("--output=" + prefix);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
          System.setOut(capture); // the console sink prints from pipeline threads
          int status = Tributary.run(all.toArray(String[]::new), capture,
              new PrintStream(err, true, StandardCharsets.UTF_8));
          return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), prefix);
        } finally {
          System.setOut(stdout);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * The Direct run in the background, to overlap with a Spark run in a child process (most of a short Spark
   * run is JVM and Spark start-up, on one core).
   */
  static CompletableFuture<Run> directAsync(String name, String... jobArgs) {
    return CompletableFuture.supplyAsync(() -> direct(name, jobArgs));
  }

  /**
   * Flags for the short-lived test JVMs (driver, executors, Master, Worker): the C1 compiler only and the
   * serial collector roughly halve the CPU time of a run this small, which matters on a 2-core machine.
   */
  static final String QUICK_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  /** The logs job through {@code bin/spark-submit.sh SPARK-OPTIONS -- JOB-ARGS --output=...}. */
  static Run sparkSubmit(String name, List<String> sparkOptions, String... jobArgs)
      throws IOException, InterruptedException {
    return sparkSubmit(workDir("spark-" + name), sparkOptions, Map.of(), jobArgs);
  }

  /** The same in {@code dir}, with more environment variables for the driver (credentials, say). */
  static Run sparkSubmit(Path dir, List<String> sparkOptions, Map<String, String> env, String... jobArgs)
      throws IOException, InterruptedException {
    Path prefix = dir.resolve("run");
    List<String> command = sparkSubmitCommand(sparkOptions, jobArgs);
    command.add("--output=" + prefix);
    Result result = script(command, dir, Duration.ofMinutes(4), env);
    return new Run(result.status, result.out, result.err, prefix);
  }

  /** {@code bin/spark-submit.sh SPARK-OPTIONS -- JOB-ARGS}, executors with the quick JVM flags. */
  static List<String> sparkSubmitCommand(List<String> sparkOptions, String... jobArgs) {
    List<String> command = new ArrayList<>();
    command.add(moduleDir().resolve("bin/spark-submit.sh").toString());
    command.addAll(List.of("--conf", "spark.executor.extraJavaOptions=" + QUICK_JVM));
    command.addAll(sparkOptions);
    command.add("--");
    command.addAll(Arrays.asList(jobArgs));
    return command;
  }

  record Result(int status, String out, String err) {}

  /**
   * Runs a script with this JVM's Java, the freshly built bundled jar and the Maven-resolved Spark (any
   * SPARK_HOME of the caller's is removed). Output goes to files in {@code dir}. A run over its time is
   * killed, with every process it started, by PID.
   */
  static Result script(List<String> command, Path dir, Duration timeout) throws IOException, InterruptedException {
    return script(command, dir, timeout, Map.of());
  }

  static Result script(List<String> command, Path dir, Duration timeout, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = scriptProcess(command, dir, env);
    Path out = builder.redirectOutput().file().toPath();
    Path err = builder.redirectError().file().toPath();
    Process process = builder.start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      fail(command + " did not finish within " + timeout + "\n" + tail(read(err)));
    }
    return new Result(process.exitValue(), read(out), read(err));
  }

  /**
   * A script's process, not started: this JVM's Java, the freshly built bundled jar, the Maven-resolved
   * Spark (any SPARK_HOME of the caller's is removed), {@code env} added; output to {@code dir/NAME.stdout}
   * and {@code dir/NAME.stderr}.
   */
  static ProcessBuilder scriptProcess(List<String> command, Path dir, Map<String, String> env) throws IOException {
    Files.createDirectories(dir);
    String name = Path.of(command.get(0)).getFileName().toString().replace(".sh", "");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(dir.resolve(name + ".stdout").toFile())
        .redirectError(dir.resolve(name + ".stderr").toFile());
    builder.environment().remove("SPARK_HOME");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("TRIBUTARY_BUNDLED_JAR", bundledJar().toString());
    builder.environment().put("TRIBUTARY_DRIVER_JAVA_OPTS", QUICK_JVM);
    builder.environment().put("TRIBUTARY_DAEMON_JAVA_OPTS", QUICK_JVM);
    builder.environment().putAll(env);
    return builder;
  }

  /**
   * Asserts that two runs wrote the same rows, window by window, each window's rows compared as a multiset;
   * {@code timing} is left out of the comparison (Spark batch says "unknown" where Direct says "on_time")
   * but must be one of {@code allowedTimings} in the second run. Every other field, the pane index
   * included, must match.
   */
  static void assertSameResults(Run expected, Run actual, Set<String> allowedTimings) throws IOException {
    for (String query : QUERIES) {
      Map<String, Map<String, Integer>> want = rowsByWindow(expected.file(query), null);
      Map<String, Map<String, Integer>> got = rowsByWindow(actual.file(query), allowedTimings);
      assertTrue(!want.isEmpty() || query.equals("rejected_lines"), "Direct wrote no " + query);
      if (!want.equals(got)) {
        StringBuilder diff = new StringBuilder(query + " differs (" + expected.file(query) + " vs "
            + actual.file(query) + "):\n");
        Set<String> windows = new java.util.TreeSet<>(want.keySet());
        windows.addAll(got.keySet());
        for (String window : windows) {
          Map<String, Integer> w = want.getOrDefault(window, Map.of());
          Map<String, Integer> g = got.getOrDefault(window, Map.of());
          if (!w.equals(g)) {
            diff.append("  window ").append(window).append("\n    expected ").append(w)
                .append("\n    actual   ").append(g).append('\n');
          }
        }
        fail(diff.toString());
      }
    }
  }

  /** window ("start/end", or "-" for results since the start) -> row without timing -> how many times. */
  static Map<String, Map<String, Integer>> rowsByWindow(Path file, Set<String> allowedTimings) throws IOException {
    assertTrue(Files.isRegularFile(file), "missing " + file);
    Map<String, Map<String, Integer>> windows = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = JSON.readTree(line);
      String window = node.has("window_start")
          ? node.get("window_start").asText() + "/" + node.get("window_end").asText()
          : "-";
      ObjectNode row = (ObjectNode) node;
      JsonNode timing = row.remove("timing");
      if (allowedTimings != null && timing != null) {
        assertTrue(allowedTimings.contains(timing.asText()), "timing " + timing + " in " + file + ": " + line);
      }
      // Sorted keys, so the same row always prints the same.
      Map<String, Object> fields = new TreeMap<>();
      row.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().toString()));
      String canonical = fields.toString();
      windows.computeIfAbsent(window, w -> new TreeMap<>()).merge(canonical, 1, Integer::sum);
    }
    return windows;
  }

  static int rowCount(Path file) throws IOException {
    return (int) Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count();
  }

  static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  static String tail(String text) {
    String[] lines = text.split("\n");
    return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
  }

  /** True while the process exists and is not a zombie. */
  static boolean alive(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      String text = Files.readString(stat);
      // "pid (comm) state ...": the state follows the last ')'.
      return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }
}
