package dev.tributary.io.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tributary.transforms.common.CounterTotals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Reify;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link WatchedTextIO} in a pipeline; stopWhenIdleFor lets each unbounded read end by itself. */
class WatchedTextIOTest {
  @TempDir Path dir;

  private static TestPipeline pipeline() {
    return TestPipeline.create().enableAbandonedNodeEnforcement(false);
  }

  private WatchedTextIO.Read quickRead() {
    return WatchedTextIO.read()
        .from(dir.toString())
        .withPollInterval(Duration.millis(100))
        .stopWhenIdleFor(Duration.millis(500));
  }

  @Test
  void readsEveryLineOfEveryFileExactlyOnce() throws IOException {
    TestFiles.write(dir, "a.log", "one\ntwo\n", 1_000);
    TestFiles.write(dir, "b.log", "three\r\nfour\r\n", 2_000);
    TestFiles.write(dir, "c.log", "five\nsix", 3_000);
    TestFiles.write(dir, "d.log", "", 4_000);
    TestFiles.write(dir, "e.log", "seven\reight\r", 5_000);
    TestPipeline p = pipeline();

    PCollection<String> lines = p.apply("Read", quickRead());

    PAssert.that(lines)
        .containsInAnyOrder("one", "two", "three", "four", "five", "six", "seven", "eight");
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(5, CounterTotals.of(result, WatchedTextIO.NAMESPACE, WatchedTextIO.FILES_READ));
    assertEquals(8, CounterTotals.of(result, WatchedTextIO.NAMESPACE, WatchedTextIO.LINES_READ));
    assertEquals(0, CounterTotals.of(result, WatchedTextIO.NAMESPACE, WatchedTextIO.FILES_UNREADABLE));
  }

  @Test
  void readsManyLinesExactlyOnceAcrossTheRunnersCheckpoints() throws IOException {
    // Runners checkpoint and resume the reader every so many elements; thousands of lines make sure
    // that happens mid-file and between files.
    List<String> expected = new ArrayList<>();
    for (int file = 0; file < 4; file++) {
      StringBuilder content = new StringBuilder();
      for (int line = 0; line < 500; line++) {
        String text = "file " + file + " line " + line;
        content.append(text).append('\n');
        expected.add(text);
      }
      TestFiles.write(dir, "part-" + file + ".log", content.toString(), 1_000L * (file + 1));
    }
    TestPipeline p = pipeline();

    PCollection<String> lines = p.apply("Read", quickRead().withMaxFilesPerPoll(1));

    PAssert.that(lines).containsInAnyOrder(expected);
    PipelineResult result = p.run();
    result.waitUntilFinish();
    assertEquals(4, CounterTotals.of(result, WatchedTextIO.NAMESPACE, WatchedTextIO.FILES_READ));
    assertEquals(expected.size(), CounterTotals.of(result, WatchedTextIO.NAMESPACE, WatchedTextIO.LINES_READ));
  }

  @Test
  void stampsLinesWithTheirEventTime() throws IOException {
    TestFiles.write(
        dir,
        "events.log",
        "2024-05-01T10:00:00Z GET /a\n"
            + "no time here\n"
            + "2024-05-01T10:00:07Z GET /b\n"
            + "2024-05-01T10:00:03Z GET /c\n",
        1_000);
    TestPipeline p = pipeline();

    PCollection<TimestampedValue<String>> stamped =
        p.apply("Read", quickRead().withTimestampFn(new LeadingInstantFn()))
            .apply("Reify", Reify.timestamps());

    PAssert.that(stamped)
        .containsInAnyOrder(
            TimestampedValue.of("2024-05-01T10:00:00Z GET /a", at("2024-05-01T10:00:00Z")),
            TimestampedValue.of("no time here", at("2024-05-01T10:00:00Z")),
            TimestampedValue.of("2024-05-01T10:00:07Z GET /b", at("2024-05-01T10:00:07Z")),
            TimestampedValue.of("2024-05-01T10:00:03Z GET /c", at("2024-05-01T10:00:03Z")));
    p.run().waitUntilFinish();
  }

  @Test
  void ignoresHiddenFilesAndSubdirectories() throws IOException {
    TestFiles.write(dir, "visible.log", "seen\n", 1_000);
    TestFiles.write(dir, ".being-written.tmp", "dot\n", 2_000);
    TestFiles.write(dir, "_SUCCESS", "underscore\n", 3_000);
    Files.createDirectory(dir.resolve("nested"));
    TestFiles.write(dir.resolve("nested"), "inner.log", "nested\n", 4_000);
    TestPipeline p = pipeline();

    PCollection<String> lines = p.apply("Read", quickRead());

    PAssert.that(lines).containsInAnyOrder("seen");
    p.run().waitUntilFinish();
  }

  @Test
  void readsOnlyFilesMatchingAGlob() throws IOException {
    TestFiles.write(dir, "access.log", "wanted\n", 1_000);
    TestFiles.write(dir, "notes.txt", "unwanted\n", 2_000);
    TestPipeline p = pipeline();

    PCollection<String> lines =
        p.apply("Read", quickRead().from(dir.resolve("*.log").toString()));

    PAssert.that(lines).containsInAnyOrder("wanted");
    p.run().waitUntilFinish();
  }

  @Test
  void refusesToExpandWithoutADirectory() {
    TestPipeline p = pipeline();

    assertThrows(IllegalStateException.class, () -> p.apply(WatchedTextIO.read()));
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }
}
