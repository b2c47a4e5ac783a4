package dev.tributary.pipelines.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.RepoPaths;
import dev.tributary.pipelines.cli.Tributary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code logs} job through the command line, reading the bundled sample logs from an {@code s3://}
 * prefix on a real S3-compatible server on 127.0.0.1, configured by options alone, in batch and follow
 * mode; and what it says when the bucket, the key or the server is wrong. No run may print the secret
 * key, on the job's streams or in the logs.
 */
class S3LogsJobTest {
  /** Status counts of data/logs (access-001.log and access-002.log), as LogAnalyticsJobTest has them. */
  private static final Set<String> STATUS_COUNTS =
      Set.of(
          "{\"status\":200,\"count\":855}",
          "{\"status\":301,\"count\":20}",
          "{\"status\":302,\"count\":24}",
          "{\"status\":304,\"count\":92}",
          "{\"status\":400,\"count\":3}",
          "{\"status\":403,\"count\":11}",
          "{\"status\":404,\"count\":53}",
          "{\"status\":500,\"count\":11}",
          "{\"status\":503,\"count\":7}");

  private static final Pattern PANE = Pattern.compile(",\"pane\":(\\d+),\"timing\":\"(\\w+)\"}$");

  private static LoopbackS3 s3;

  @TempDir Path tmp;

  @BeforeAll
  static void startServer() throws Exception {
    s3 = LoopbackS3.startIfAvailable();
    if (s3 == null) {
      return;
    }
    s3.createBucket("sample");
    Path logs = RepoPaths.data().resolve("logs");
    s3.upload("sample", "logs/access-001.log", logs.resolve("access-001.log"));
    s3.upload("sample", "logs/access-002.log", logs.resolve("access-002.log"));
  }

  @BeforeEach
  void needsTheServer() {
    LoopbackS3.assumeRunning(s3);
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void batchRunOverAnS3PrefixGivesTheExactStatusCounts() throws IOException {
    Run run = run(args("logs", "--input=s3://sample/logs/", "--output=" + tmp.resolve("x")));

    assertEquals(0, run.status, run.err);
    assertEquals(
        Set.of(
            "{\"status\":200,\"count\":855,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":301,\"count\":20,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":302,\"count\":24,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":304,\"count\":92,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":400,\"count\":3,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":403,\"count\":11,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":404,\"count\":53,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":500,\"count\":11,\"pane\":0,\"timing\":\"on_time\"}",
            "{\"status\":503,\"count\":7,\"pane\":0,\"timing\":\"on_time\"}"),
        uniqueLines(tmp.resolve("x-status_counts.jsonl")));
    assertEquals(4, uniqueLines(tmp.resolve("x-rejected_lines.jsonl")).size());
    assertTrue(run.out.contains("logs: read 1080 lines: 1076 parsed, 4 rejected"), run.out);
    assertNoSecret(run);
  }

  @Test
  void followModeReadsTheObjectsThereAndOneUploadedWhileItRuns() throws Exception {
    s3.createBucket("follow");
    Path logs = RepoPaths.data().resolve("logs");
    s3.upload("follow", "logs/access-001.log", logs.resolve("access-001.log"));
    int listedBefore = s3.listings();

    CompletableFuture<Run> follow =
        CompletableFuture.supplyAsync(
            () -> run(args("logs", "--follow", "--input=s3://follow/logs/", "--stopAfterIdle=5s",
                "--pollInterval=500ms", "--output=" + tmp.resolve("out/x"))));
    assertTrue(s3.awaitListings(listedBefore + 1, 120, TimeUnit.SECONDS), "the job listed the prefix");
    s3.upload("follow", "logs/access-002.log", logs.resolve("access-002.log"));
    Run run = follow.get(3, TimeUnit.MINUTES);

    assertEquals(0, run.status, run.err);
    assertTrue(run.out.contains("logs: following s3://follow/logs/; stop with Ctrl-C"), run.out);
    assertTrue(run.out.contains("logs: read 1080 lines: 1076 parsed, 4 rejected"), run.out);
    assertEquals(STATUS_COUNTS, lastFiring(linesOfFiles(tmp.resolve("out"), "x-status_counts-")));
    assertNoSecret(run);
  }

  @Test
  void aBucketThatDoesNotExistIsOneLineAndAUsageError() {
    Run run = run(args("logs", "--input=s3://no-such-bucket/logs/", "--output=" + tmp.resolve("x")));

    report("missing bucket", run);
    assertEquals(2, run.status, run.err);
    assertOneLineNaming(run, "--input=s3://no-such-bucket/logs/");
    assertNoSecret(run);
  }

  @Test
  void aWrongSecretKeyIsOneLineAndAUsageError() {
    String wrongSecret = "wrong-" + s3.secretKey();
    List<String> args = new ArrayList<>(List.of("logs", "--input=s3://sample/logs/", "--output=" + tmp.resolve("x")));
    args.addAll(s3.options(wrongSecret));

    Run run = run(args.toArray(new String[0]));

    report("wrong secret key", run);
    assertEquals(2, run.status, run.err);
    assertOneLineNaming(run, "--input=s3://sample/logs/");
    assertFalse(run.everything().contains(wrongSecret), run.everything());
    assertNoSecret(run);
  }

  @Test
  void anUnreachableServerIsOneLineAndAUsageError() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    List<String> args = new ArrayList<>(List.of("logs", "--input=s3://sample/logs/", "--output=" + tmp.resolve("x")));
    args.addAll(s3.options());
    args.replaceAll(a -> a.startsWith("--endpoint=") ? "--endpoint=http://127.0.0.1:" + closedPort : a);

    Run run = run(args.toArray(new String[0]));

    report("unreachable server", run);
    assertEquals(2, run.status, run.err);
    assertOneLineNaming(run, "--input=s3://sample/logs/");
    assertNoSecret(run);
  }

  /** The job's arguments followed by the options that reach the loopback server. */
  private static String[] args(String... jobArgs) {
    List<String> all = new ArrayList<>(Arrays.asList(jobArgs));
    all.addAll(s3.options());
    return all.toArray(new String[0]);
  }

  private static void assertOneLineNaming(Run run, String input) {
    List<String> lines = run.err.lines().collect(Collectors.toList());
    assertEquals(1, lines.size(), run.err);
    assertTrue(lines.get(0).startsWith("tributary logs: "), run.err);
    assertTrue(lines.get(0).contains(input), run.err);
  }

  private static void assertNoSecret(Run run) {
    assertFalse(run.everything().contains(s3.secretKey()), "the secret key was printed:\n" + run.everything());
  }

  /** What a failing run printed, for whoever reads the test output. */
  private static void report(String what, Run run) {
    System.out.println("[" + what + "] status " + run.status + ", err: " + run.err.strip());
  }

  /** The rows of the last firing (highest pane) of a running, unwindowed table, without pane fields. */
  private static Set<String> lastFiring(List<String> rows) {
    int last = rows.stream().mapToInt(S3LogsJobTest::pane).max().orElseThrow();
    return rows.stream()
        .filter(r -> pane(r) == last)
        .map(r -> PANE.matcher(r).replaceFirst("}"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static int pane(String row) {
    Matcher m = PANE.matcher(row);
    assertTrue(m.find(), row);
    return Integer.parseInt(m.group(1));
  }

  private static List<String> linesOfFiles(Path dir, String prefix) throws IOException {
    List<String> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList()) {
        rows.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
      }
    }
    assertFalse(rows.isEmpty(), "no " + prefix + "* files in " + dir);
    return rows;
  }

  private static Set<String> uniqueLines(Path file) throws IOException {
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    Set<String> unique = new TreeSet<>(all);
    assertEquals(all.size(), unique.size(), "duplicate rows in " + file);
    return unique;
  }

  /** A command-line run: exit status, the job's two streams, and what went to System.out/err meanwhile. */
  record Run(int status, String out, String err, String logs) {
    String everything() {
      return out + "\n" + err + "\n" + logs;
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream logCapture = new PrintStream(logs, true, StandardCharsets.UTF_8)) {
      // The console sink prints from pipeline workers to System.out; slf4j-simple logs to System.err.
      System.setOut(capture);
      System.setErr(logCapture);
      int status = Tributary.run(args, capture, new PrintStream(err, true, StandardCharsets.UTF_8));
      return new Run(
          status,
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8),
          logs.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }
}
