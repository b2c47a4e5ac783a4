package dev.tributary.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the Flink integration tests share: where the repository, the bundled jar and the scripts are, running
 * the logs job on the Direct runner (in this JVM) and through the scripts (in child processes), and comparing
 * the JSON Lines results.
 */
final class FlinkTestSupport {
  static final List<String> RESULT_FILES = List.of("status_counts", "top_endpoints", "rejected_lines");
  private static final Pattern SUMMARY = Pattern.compile("(?m)^logs: read \\d+ lines: \\d+ parsed, \\d+ rejected$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<List<String>, JobRun> DIRECT_RUNS = new ConcurrentHashMap<>();

  private FlinkTestSupport() {}

  /** runners/flink, from the build (failsafe passes it) or the working directory. */
  static Path moduleDir() {
    String dir = System.getProperty("tributary.flink.moduleDir");
    return (dir != null ? Path.of(dir) : Path.of("")).toAbsolutePath().normalize();
  }

  /** The repository root: the nearest folder upwards with data/logs and a pom.xml. */
  static Path repoRoot() {
    for (Path dir = moduleDir(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("data/logs")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no folder with data/logs and pom.xml above " + moduleDir());
  }

  static Path workDir(String name) {
    Path dir = moduleDir().resolve("target/flink-it").resolve(name);
    deleteRecursively(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  static Path script(String name) {
    return moduleDir().resolve("bin").resolve(name);
  }

  /** The environment the scripts need: the bundled jar the build just made. */
  static Map<String, String> scriptEnvironment() {
    String bundle = System.getProperty("tributary.flink.bundle");
    if (bundle != null) {
      assertTrue(Files.isRegularFile(Path.of(bundle)), "bundled jar missing: " + bundle + " (run after package)");
      return Map.of("TRIBUTARY_FLINK_BUNDLE", bundle);
    }
    return Map.of();
  }

  /** Runs {@code tributary logs <args>} on the Direct runner in this JVM, once per argument list. */
  static JobRun direct(String name, List<String> args) {
    return DIRECT_RUNS.computeIfAbsent(args, a -> runDirect(name, a));
  }

  private static JobRun runDirect(String name, List<String> args) {
    Path dir = workDir("direct-" + name);
    Path prefix = dir.resolve("out");
    List<String> command = new ArrayList<>(List.of("logs", "--output=" + prefix));
    command.addAll(args);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int status;
    // The console tables go to System.out; keep them in a file rather than in the build log.
    PrintStream systemOut = System.out;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream tables = new PrintStream(dir.resolve("console.out").toFile(), StandardCharsets.UTF_8)) {
      System.setOut(tables);
      status = Tributary.run(command.toArray(String[]::new), o, e);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    } finally {
      System.setOut(systemOut);
    }
    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, "Direct run failed: " + stderr);
    report("direct " + name, start);
    return new JobRun(prefix, stdout, stderr);
  }

  /** Runs a script of bin/ with arguments in a child process, its output kept in {@code dir/<label>.out|err}. */
  static ProcessResult runScript(Path dir, String label, Duration timeout, String script, List<String> args) {
    List<String> command = new ArrayList<>(List.of("bash", script(script).toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(repoRoot().toFile())
        .redirectOutput(dir.resolve(label + ".out").toFile())
        .redirectError(dir.resolve(label + ".err").toFile());
    builder.environment().putAll(scriptEnvironment());
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        // Only the process this test started, and what it started.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        fail(label + " did not finish within " + timeout + "; see " + dir.resolve(label + ".err"));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    report(label, start);
    return new ProcessResult(process.exitValue(), read(dir.resolve(label + ".out")), read(dir.resolve(label + ".err")));
  }

  /** The summary line {@code logs: read N lines: P parsed, R rejected} of a run's standard output. */
  static String summary(String stdout) {
    Matcher m = SUMMARY.matcher(stdout);
    assertTrue(m.find(), "no summary line in:\n" + tail(stdout));
    return m.group();
  }

  /**
   * Asserts that two runs wrote the same results: per result file and per window, the same rows as
   * multisets. Rows are compared without "pane" and "timing", which are checked apart: a bounded run on
   * Flink (batch execution) fires each window once but cannot tell the timing of the pane, so it writes
   * "timing":"unknown" where the Direct runner writes "on_time".
   */
  static void assertSameResults(Path expectedPrefix, Path actualPrefix) {
    for (String file : RESULT_FILES) {
      List<Map<String, Object>> expected = readRows(expectedPrefix, file);
      List<Map<String, Object>> actual = readRows(actualPrefix, file);
      assertTrue(!expected.isEmpty() || file.equals("rejected_lines"), "no " + file + " rows from the Direct run");
      assertEquals(byWindow(expected), byWindow(actual), file + ": rows per window differ");
      TreeSet<String> expectedPanes = panes(expected);
      TreeSet<String> actualPanes = panes(actual);
      if (!actualPanes.equals(expectedPanes)) {
        TreeSet<String> unknownTiming = new TreeSet<>();
        expectedPanes.forEach(p -> unknownTiming.add(p.replaceAll("/.*", "/unknown")));
        assertEquals(unknownTiming, actualPanes, file + ": panes differ beyond the timing Flink cannot tell");
      }
    }
  }

  static List<Map<String, Object>> readRows(Path prefix, String file) {
    Path path = prefix.resolveSibling(prefix.getFileName() + "-" + file + ".jsonl");
    assertTrue(Files.isRegularFile(path), "missing " + path);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String line : read(path).split("\n")) {
      if (!line.isBlank()) {
        try {
          rows.add(JSON.readValue(line, new TypeReference<TreeMap<String, Object>>() {}));
        } catch (IOException e) {
          throw new AssertionError("not a JSON object in " + path + ": " + line, e);
        }
      }
    }
    return rows;
  }

  /** Window ("[start, end)" or "global") to its rows without pane fields, sorted: a multiset per window. */
  private static Map<String, List<String>> byWindow(List<Map<String, Object>> rows) {
    Map<String, List<String>> windows = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      String window = row.containsKey("window_start")
          ? "[" + row.get("window_start") + ", " + row.get("window_end") + ")"
          : "global";
      Map<String, Object> fields = new TreeMap<>(row);
      fields.remove("pane");
      fields.remove("timing");
      windows.computeIfAbsent(window, w -> new ArrayList<>()).add(fields.toString());
    }
    windows.values().forEach(list -> list.sort(Comparator.naturalOrder()));
    return windows;
  }

  private static TreeSet<String> panes(List<Map<String, Object>> rows) {
    return rows.stream()
        .filter(row -> row.containsKey("pane") || row.containsKey("timing"))
        .map(row -> row.get("pane") + "/" + row.get("timing"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path path) {
    try {
      return Files.exists(path) ? Files.readString(path) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String tail(String text) {
    String[] lines = text.split("\n");
    return Stream.of(lines).skip(Math.max(0, lines.length - 40)).collect(Collectors.joining("\n"));
  }

  private static void report(String label, long startNanos) {
    System.out.printf("[flink-it] %s took %.1f s%n", label, (System.nanoTime() - startNanos) / 1e9);
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A finished run: where its JSON files are and what it printed. */
  record JobRun(Path outputPrefix, String stdout, String stderr) {}

  record ProcessResult(int exitCode, String stdout, String stderr) {
    String describe() {
      return "exit " + exitCode + "\n--- stdout ---\n" + tail(stdout) + "\n--- stderr ---\n" + tail(stderr);
    }
  }
}
