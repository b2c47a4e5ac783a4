package dev.tributary.pipelines.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.CliRun;
import dev.tributary.pipelines.RepoPaths;
import dev.tributary.pipelines.words.LoopbackLineServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code filter-lines} through the command line: the seeds' two filters. Expected lines come from {@code grep
 * error} and {@code awk 'length($0) > N'} over the same input.
 */
class FilterLinesJobTest {
  @TempDir Path tmp;

  @Test
  void linesContainingErrorByDefault() throws Exception {
    CliRun run = CliRun.of("filter-lines", "--input=" + RepoPaths.data().resolve("words"), "--output=" + tmp.resolve("f"));

    assertEquals(0, run.status(), run.describe());
    assertEquals(
        Set.of(
            "{\"line\":\"an error is not a failure\",\"pane\":0,\"timing\":\"on_time\"}",
            "{\"line\":\"error: disk full on node 3\",\"pane\":0,\"timing\":\"on_time\"}"),
        CliRun.distinctLines(tmp.resolve("f-filtered_lines.jsonl")));
    // Shown whole, not cut at 20 characters.
    assertTrue(run.out().contains("|error: disk full on node 3|"), run.out());
  }

  @Test
  void linesLongerThanFourCharacters() throws Exception {
    Path input = tmp.resolve("short.txt");
    Files.writeString(input, "ok\nfour\nfive!\n\nan error\nerr\n  x  \nlonger line here\n", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("filter-lines", "--input=" + input, "--longerThan=4", "--output=" + tmp.resolve("long"));

    assertEquals(0, run.status(), run.describe());
    // awk 'length($0) > 4': "five!", "an error", "  x  " (spaces count), "longer line here".
    assertEquals(
        List.of("  x  ", "an error", "five!", "longer line here"),
        lines(Files.readAllLines(tmp.resolve("long-filtered_lines.jsonl"), StandardCharsets.UTF_8)));

    CliRun both = CliRun.of("filter-lines", "--input=" + input, "--longerThan=4", "--containing=err", "--output=" + tmp.resolve("both"));
    assertEquals(0, both.status(), both.describe());
    assertEquals(List.of("an error"), lines(Files.readAllLines(tmp.resolve("both-filtered_lines.jsonl"), StandardCharsets.UTF_8)));
  }

  @Test
  void socketLinesAreFilteredAsTheyCome() throws Exception {
    CliRun run;
    try (LoopbackLineServer server = LoopbackLineServer.start()) {
      CompletableFuture<CliRun> job =
          CompletableFuture.supplyAsync(
              () -> CliRun.of("filter-lines", "--input=tcp://127.0.0.1:" + server.port(), "--outputMode=append",
                  "--stopAfterIdle=3s", "--updateInterval=500ms", "--output=" + tmp.resolve("out/s")));
      server.send("all good", "error one", "fine");
      server.send("another error", "error one");
      run = job.get(3, TimeUnit.MINUTES);
    }

    assertEquals(0, run.status(), run.describe());
    List<String> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("s-filtered_lines-")).toList()) {
        rows.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
      }
    }
    // Every matching line once, repeats included: no aggregation.
    assertEquals(List.of("another error", "error one", "error one"), lines(rows));
  }

  @Test
  void completeModeIsRefusedWithSparksRule() {
    CliRun run = CliRun.of("filter-lines", "--outputMode=complete");

    assertEquals(2, run.status(), run.describe());
    assertTrue(run.err().startsWith("tributary filter-lines: complete output mode needs an aggregation"), run.err());
    assertTrue(run.err().contains("Complete output mode not supported when there are no streaming aggregations"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void badOptionsAreOneLine() {
    CliRun negative = CliRun.of("filter-lines", "--longerThan=-1");
    assertEquals(2, negative.status(), negative.describe());
    assertEquals("tributary filter-lines: --longerThan must not be negative, got -1\n", negative.err());

    CliRun notANumber = CliRun.of("filter-lines", "--longerThan=four");
    assertEquals(2, notANumber.status(), notANumber.describe());
    assertTrue(notANumber.err().startsWith("tributary filter-lines: --longerThan=four: "), notANumber.err());
    assertEquals(1, notANumber.err().lines().count(), notANumber.err());
  }

  @Test
  void helpListsTheJobsOptions() {
    CliRun run = CliRun.of("filter-lines", "--help");

    assertEquals(0, run.status(), run.describe());
    for (String option : new String[] {"--input", "--containing", "--longerThan", "--outputMode", "--trigger", "--output"}) {
      assertTrue(run.out().contains(option), option + " missing from:\n" + run.out());
    }
  }

  /** The lines of JSON rows, sorted. */
  private static List<String> lines(List<String> rows) {
    List<String> lines = new ArrayList<>();
    for (String row : rows) {
      String prefix = "{\"line\":\"";
      assertTrue(row.startsWith(prefix), row);
      lines.add(row.substring(prefix.length(), row.indexOf("\",\"pane\"")));
    }
    lines.sort(null);
    return lines;
  }
}
