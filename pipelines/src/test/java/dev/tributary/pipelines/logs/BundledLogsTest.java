package dev.tributary.pipelines.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.pipelines.RepoPaths;
import dev.tributary.transforms.logs.ParseAccessLogs;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No bundled line vanishes: parsed records plus dead letters equal the lines in each file. */
class BundledLogsTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  static Stream<Path> bundledLogs() throws IOException {
    return Files.walk(RepoPaths.data()).filter(f -> f.toString().endsWith(".log")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundledLogs")
  void parsedPlusRejectedEqualsLines(Path file) throws IOException {
    long lines;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      lines = reader.lines().count();
    }

    ParseAccessLogs.Result parsed =
        p.apply(TextIO.read().from(file.toString())).apply(ParseAccessLogs.create());
    PAssert.thatSingleton(
            PCollectionList.of(
                    parsed.records().apply("RecordMarks", MapElements.into(TypeDescriptors.strings()).via(r -> "r")))
                .and(parsed.deadLetters().apply("DeadLetterMarks", MapElements.into(TypeDescriptors.strings()).via(d -> "d")))
                .apply(Flatten.pCollections())
                .apply(Count.globally()))
        .isEqualTo(lines);
    p.run().waitUntilFinish();
  }
}
