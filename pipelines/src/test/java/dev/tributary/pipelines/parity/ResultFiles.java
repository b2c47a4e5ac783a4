package dev.tributary.pipelines.parity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The JSON Lines results a job wrote with {@code --output=<prefix>}, read as multisets of rows per result
 * and window, for comparing runs on different runners.
 *
 * <p>Rows are compared without their pane timing: batch Spark and Flink report every pane's timing as
 * {@code unknown}, where Direct says {@code on_time}; which timings a runner may report is checked
 * separately, against {@code allowedTimings}.
 */
public final class ResultFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private ResultFiles() {}

  /** result name (file name after {@code <prefix>-}) -> window -> row -> how many times. */
  public static Map<String, Map<String, Map<String, Integer>>> read(Path prefix, Set<String> allowedTimings)
      throws IOException {
    String stem = prefix.getFileName() + "-";
    Map<String, Map<String, Map<String, Integer>>> results = new TreeMap<>();
    try (Stream<Path> files = Files.list(prefix.getParent())) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String name = file.getFileName().toString();
        if (name.startsWith(stem) && name.endsWith(".jsonl")) {
          String result = name.substring(stem.length(), name.length() - ".jsonl".length());
          results.put(result, rowsByWindow(file, allowedTimings));
        }
      }
    }
    return results;
  }

  /** Fails, showing the windows that differ, unless both runs wrote the same results. */
  public static void assertSame(Path expectedPrefix, Path actualPrefix, Set<String> allowedTimings)
      throws IOException {
    Map<String, Map<String, Map<String, Integer>>> want = read(expectedPrefix, null);
    Map<String, Map<String, Map<String, Integer>>> got = read(actualPrefix, allowedTimings);
    assertFalse(want.isEmpty(), "the reference run wrote no results at " + expectedPrefix);
    if (want.equals(got)) {
      return;
    }
    StringBuilder diff = new StringBuilder("results differ (" + expectedPrefix + " vs " + actualPrefix + "):\n");
    Set<String> results = new TreeSet<>(want.keySet());
    results.addAll(got.keySet());
    for (String result : results) {
      Map<String, Map<String, Integer>> w = want.getOrDefault(result, Map.of());
      Map<String, Map<String, Integer>> g = got.getOrDefault(result, Map.of());
      Set<String> windows = new TreeSet<>(w.keySet());
      windows.addAll(g.keySet());
      for (String window : windows) {
        if (!w.getOrDefault(window, Map.of()).equals(g.getOrDefault(window, Map.of()))) {
          diff.append("  ").append(result).append(" window ").append(window)
              .append("\n    expected ").append(w.get(window))
              .append("\n    actual   ").append(g.get(window)).append('\n');
        }
      }
    }
    fail(diff.toString());
  }

  /** window ("start/end", or "-" for results since the start) -> row without timing -> how many times. */
  private static Map<String, Map<String, Integer>> rowsByWindow(Path file, Set<String> allowedTimings)
      throws IOException {
    Map<String, Map<String, Integer>> windows = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      ObjectNode row = (ObjectNode) JSON.readTree(line);
      String window = row.has("window_start")
          ? row.get("window_start").asText() + "/" + row.get("window_end").asText()
          : "-";
      JsonNode timing = row.remove("timing");
      if (allowedTimings != null && timing != null && !allowedTimings.contains(timing.asText())) {
        fail("pane timing " + timing + " in " + file + ": " + line);
      }
      String key = JSON.writeValueAsString(JSON.treeToValue(row, Object.class));
      windows.computeIfAbsent(window, w -> new TreeMap<>()).merge(key, 1, Integer::sum);
    }
    return windows;
  }
}
