package dev.tributary.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.pipelines.cli.Tributary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A run of the {@code tributary} command line inside the test JVM, with what it printed. */
public record CliRun(int status, String out, String err) {
  /** Runs {@code args} as the command line would, capturing standard output (also the console sink's). */
  public static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      // The console sink prints from pipeline workers, which write to System.out.
      System.setOut(capture);
      int status = Tributary.run(args, capture, new PrintStream(err, true, StandardCharsets.UTF_8));
      return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
    }
  }

  /** For assertion messages. */
  public String describe() {
    return "status " + status + "\n--- out:\n" + out + "\n--- err:\n" + err;
  }

  /** The distinct lines of a file, failing if any line occurs twice. */
  public static Set<String> distinctLines(Path file) throws IOException {
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    Set<String> unique = new TreeSet<>(all);
    assertEquals(all.size(), unique.size(), "duplicate rows in " + file);
    return unique;
  }
}
