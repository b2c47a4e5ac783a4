package dev.tributary.pipelines.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.pipelines.RepoPaths;
import dev.tributary.pipelines.cli.Tributary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateLogsJobTest {
  @TempDir Path tmp;

  @Test
  void bundledSampleIsExactlyWhatTheDocumentedCommandWrites() throws IOException {
    // The command data/README.md gives for data/logs.
    int status = generate("--files=2", "--linesPerFile=540", "--linesPerSecond=6", "--seed=42", "--outputDir=" + tmp);

    assertEquals(0, status);
    assertEquals(List.of("access-001.log", "access-002.log"), names(tmp));
    for (String name : names(tmp)) {
      assertArrayEquals(
          Files.readAllBytes(RepoPaths.data().resolve("logs").resolve(name)),
          Files.readAllBytes(tmp.resolve(name)),
          name);
    }
  }

  @Test
  void otherSeedGivesOtherLines() throws IOException {
    generate("--linesPerFile=50", "--seed=1", "--outputDir=" + tmp.resolve("a"));
    generate("--linesPerFile=50", "--seed=2", "--outputDir=" + tmp.resolve("b"));
    List<String> a = Files.readAllLines(tmp.resolve("a/access-001.log"));
    List<String> b = Files.readAllLines(tmp.resolve("b/access-001.log"));
    assertEquals(50, a.size());
    assertEquals(50, b.size());
    assertEquals(false, a.equals(b));
  }

  private static int generate(String... options) {
    String[] args = Stream.concat(Stream.of("generate-logs"), Stream.of(options)).toArray(String[]::new);
    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    return Tributary.run(args, sink, sink);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
