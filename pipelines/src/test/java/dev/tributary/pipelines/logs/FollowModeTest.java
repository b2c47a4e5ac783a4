package dev.tributary.pipelines.logs;

import dev.tributary.pipelines.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follow mode picks up a file that arrives while the job runs, and once every window has closed its final
 * results equal those of a batch run over the same files.
 */
class FollowModeTest {
  private static final Pattern PANE = Pattern.compile(",\"pane\":(\\d+),\"timing\":\"(\\w+)\"}$");

  @TempDir Path tmp;

  @Test
  void fileArrivingMidRunIsProcessedAndFinalResultsMatchTheBatchRun() throws Exception {
    Path incoming = Files.createDirectories(tmp.resolve("incoming"));
    Path logs = RepoPaths.data().resolve("logs");
    Files.copy(logs.resolve("access-001.log"), incoming.resolve("access-001.log"));

    CompletableFuture<CliRun> follow =
        CompletableFuture.supplyAsync(
            () -> CliRun.of("logs", "--follow", "--input=" + incoming,
                "--pollInterval=200ms", "--updateInterval=1s", "--stopAfterIdle=8s",
                "--output=" + tmp.resolve("out/follow")));
    waitForFile(tmp.resolve("out"), "follow-status_counts-");
    // Written under a hidden name and renamed in, as the follow-mode rules ask.
    Path hidden = incoming.resolve(".access-002.log.tmp");
    Files.copy(logs.resolve("access-002.log"), hidden);
    Files.move(hidden, incoming.resolve("access-002.log"), StandardCopyOption.ATOMIC_MOVE);

    CliRun followed = follow.get(3, TimeUnit.MINUTES);
    assertEquals(0, followed.status(), followed.err());
    assertTrue(followed.out().contains("logs: read 1080 lines: 1076 parsed, 4 rejected"), followed.out());
    assertTrue(followed.out().contains("(EARLY) | top_endpoints"), "early panes are printed");

    CliRun batch =
        CliRun.of("logs", "--input=" + logs, "--output=" + tmp.resolve("out/batch"));
    assertEquals(0, batch.status(), batch.err());

    assertEquals(
        withoutPane(read(tmp.resolve("out/batch-status_counts.jsonl"))),
        withoutPane(finalPanes(readAll(tmp.resolve("out"), "follow-status_counts-"), false)));
    List<String> followTop = readAll(tmp.resolve("out"), "follow-top_endpoints-");
    assertEquals(
        withoutPane(read(tmp.resolve("out/batch-top_endpoints.jsonl"))),
        withoutPane(finalPanes(followTop, true)));
    assertFalse(followTop.stream().anyMatch(l -> l.contains("\"timing\":\"late\"")), "in-order files make no late data");
  }

  /** For each window (or the single running table), the rows of its last firing. */
  private static List<String> finalPanes(List<String> rows, boolean windowed) {
    Map<String, Integer> lastPane = new HashMap<>();
    for (String row : rows) {
      lastPane.merge(windowOf(row, windowed), pane(row), Math::max);
    }
    return rows.stream()
        .filter(r -> pane(r) == lastPane.get(windowOf(r, windowed)))
        .collect(Collectors.toList());
  }

  private static String windowOf(String row, boolean windowed) {
    return windowed ? row.substring(0, row.indexOf(",\"rank\"")) : "";
  }

  private static int pane(String row) {
    Matcher m = PANE.matcher(row);
    assertTrue(m.find(), row);
    return Integer.parseInt(m.group(1));
  }

  private static Set<String> withoutPane(List<String> rows) {
    Set<String> stripped = rows.stream().map(r -> PANE.matcher(r).replaceFirst("}")).collect(Collectors.toSet());
    assertEquals(rows.size(), stripped.size(), "one row per key and window");
    return stripped;
  }

  private static List<String> read(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  private static List<String> readAll(Path dir, String prefix) throws IOException {
    List<String> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList()) {
        rows.addAll(read(f));
      }
    }
    return rows;
  }

  private static void waitForFile(Path dir, String prefix) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          if (files.anyMatch(f -> f.getFileName().toString().startsWith(prefix))) {
            return;
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + prefix + "* file in " + dir + " after 60 s");
  }
}
