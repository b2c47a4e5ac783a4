package dev.tributary.pipelines.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate-csv} through the command line: files, row format, option effects and determinism. */
class GenerateCsvJobTest {
  private static final Pattern ROW = Pattern.compile("([^,]+),(\\d+),([a-z]+)");

  @TempDir Path tmp;

  @Test
  void defaultsWriteTenFilesOfTenWellFormedRows() throws IOException {
    CliRun run = CliRun.of("generate-csv", "--outputDir=" + tmp.resolve("a"), "--interval=0s");

    assertEquals(0, run.status(), run.describe());
    List<Path> files = files(tmp.resolve("a"));
    assertEquals(10, files.size(), files.toString());
    assertEquals("user-events-001.csv", files.get(0).getFileName().toString());
    assertEquals("user-events-010.csv", files.get(9).getFileName().toString());
    Set<String> users = new TreeSet<>();
    Set<String> events = new TreeSet<>();
    Instant previous = Instant.MIN;
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      assertEquals(11, lines.size(), file.toString());
      assertEquals("timestamp,user_id,event", lines.get(0));
      for (String line : lines.subList(1, lines.size())) {
        Matcher m = ROW.matcher(line);
        assertTrue(m.matches(), line);
        Instant time = Instant.parse(m.group(1));
        assertTrue(time.isAfter(previous), line);
        previous = time;
        users.add(m.group(2));
        events.add(m.group(3));
      }
    }
    // Without a pause each file spans 1 s of event time from the default start, 10 rows 100 ms apart.
    assertEquals(Instant.parse("2024-06-01T12:00:09.900Z"), previous);
    assertEquals(Set.of("1", "2", "3", "4", "5"), users);
    assertEquals(Set.of("login", "logout", "purchase", "view"), events);
    assertTrue(run.out().startsWith("generate-csv: wrote " + tmp.resolve("a/user-events-001.csv") + " (10 rows)\n"), run.out());
  }

  @Test
  void sameSeedSameFilesOtherSeedOtherFiles() throws IOException {
    for (String dir : List.of("s1", "s2")) {
      assertEquals(0, CliRun.of("generate-csv", "--outputDir=" + tmp.resolve(dir), "--interval=0s", "--files=2", "--seed=7").status());
    }
    assertEquals(0, CliRun.of("generate-csv", "--outputDir=" + tmp.resolve("s3"), "--interval=0s", "--files=2", "--seed=8").status());

    assertEquals(contents(tmp.resolve("s1")), contents(tmp.resolve("s2")));
    assertNotEquals(contents(tmp.resolve("s1")), contents(tmp.resolve("s3")));
  }

  @Test
  void optionsShapeTheRowsAndThePauseSpacesTheFiles() throws IOException {
    long started = System.nanoTime();
    CliRun run =
        CliRun.of(
            "generate-csv",
            "--outputDir=" + tmp.resolve("o"),
            "--files=2",
            "--rowsPerFile=4",
            "--interval=1s",
            "--users=2",
            "--events=view,signup",
            "--start=2030-01-01T00:00:00Z");
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

    assertEquals(0, run.status(), run.describe());
    assertTrue(elapsedMillis >= 1000, "the files were written " + elapsedMillis + " ms apart");
    List<String> times = new ArrayList<>();
    for (Path file : files(tmp.resolve("o"))) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8).subList(1, 5)) {
        Matcher m = ROW.matcher(line);
        assertTrue(m.matches(), line);
        assertTrue(Set.of("1", "2").contains(m.group(2)), line);
        assertTrue(Set.of("view", "signup").contains(m.group(3)), line);
        times.add(m.group(1));
      }
    }
    assertEquals(
        List.of(
            "2030-01-01T00:00:00Z", "2030-01-01T00:00:00.250Z", "2030-01-01T00:00:00.500Z", "2030-01-01T00:00:00.750Z",
            "2030-01-01T00:00:01Z", "2030-01-01T00:00:01.250Z", "2030-01-01T00:00:01.500Z", "2030-01-01T00:00:01.750Z"),
        times);
  }

  @Test
  void badOptionsAreOneLineAndStatusTwo() {
    // An output directory in case an option were taken: nothing may be written outside the test's folder.
    String dir = "--outputDir=" + tmp.resolve("bad");
    assertOneLine(CliRun.of("generate-csv", dir, "--files=0"), "tributary generate-csv: --files must be at least 1, got 0");
    assertOneLine(
        CliRun.of("generate-csv", dir, "--events=view,log in"),
        "tributary generate-csv: --events: 'log in' is not an event name");
    assertOneLine(
        CliRun.of("generate-csv", dir, "--start=yesterday"),
        "tributary generate-csv: --start=yesterday is not 'now' or an ISO-8601 instant");
    assertOneLine(CliRun.of("generate-csv", dir, "--interval=3x"), "tributary generate-csv: --interval=3x is not a duration");
    assertTrue(!Files.exists(tmp.resolve("bad")));
  }

  private static void assertOneLine(CliRun run, String start) {
    assertEquals(2, run.status(), run.describe());
    assertTrue(run.err().startsWith(start), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  /** The directory's files by name; fails if a hidden temporary file was left behind. */
  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.list(dir)) {
      List<Path> files = all.sorted().toList();
      files.forEach(f -> assertTrue(!f.getFileName().toString().startsWith("."), "left behind: " + f));
      return files;
    }
  }

  private static List<String> contents(Path dir) throws IOException {
    List<String> all = new ArrayList<>();
    for (Path file : files(dir)) {
      all.add(file.getFileName() + "\n" + Files.readString(file, StandardCharsets.UTF_8));
    }
    return all;
  }
}
