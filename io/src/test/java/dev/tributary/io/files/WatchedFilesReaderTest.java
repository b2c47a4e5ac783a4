package dev.tributary.io.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.beam.sdk.metrics.MetricsEnvironment;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.util.CoderUtils;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@link WatchedFilesReader} by hand. A poll interval of an hour means the only listing is the
 * one in {@code start()}, which keeps these tests free of timing.
 */
class WatchedFilesReaderTest {
  private static final Duration NEVER_AGAIN = Duration.standardHours(1);

  @TempDir Path dir;

  private WatchedTextIO.Read readOnce() {
    return WatchedTextIO.read().from(dir.toString()).withPollInterval(NEVER_AGAIN);
  }

  private static WatchedFilesReader reader(
      WatchedFilesSource source, WatchedFilesCheckpoint checkpoint) {
    return source.createReader(PipelineOptionsFactory.create(), checkpoint);
  }

  /** Everything available now, starting the reader first. */
  private static List<String> startAndDrain(WatchedFilesReader reader) throws IOException {
    List<String> lines = new ArrayList<>();
    for (boolean more = reader.start(); more; more = reader.advance()) {
      lines.add(reader.getCurrent());
    }
    return lines;
  }

  /** Starts the reader and reads exactly {@code count} lines. */
  private static List<String> startAndRead(WatchedFilesReader reader, int count)
      throws IOException {
    List<String> lines = new ArrayList<>();
    boolean more = reader.start();
    while (lines.size() < count) {
      assertTrue(more, "ran out of lines after " + lines);
      lines.add(reader.getCurrent());
      if (lines.size() < count) {
        more = reader.advance();
      }
    }
    return lines;
  }

  private static WatchedFilesCheckpoint roundTrip(WatchedFilesCheckpoint checkpoint)
      throws IOException {
    WatchedFilesCheckpointCoder coder = WatchedFilesCheckpointCoder.of();
    return CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, checkpoint));
  }

  @Test
  void readsFilesInModificationOrderThenByName() throws IOException {
    TestFiles.write(dir, "z.log", "z\n", 1_000);
    TestFiles.write(dir, "a.log", "a\n", 3_000);
    TestFiles.write(dir, "m.log", "m\n", 2_000);
    TestFiles.write(dir, "c.log", "c\n", 3_000);

    try (WatchedFilesReader reader = reader(readOnce().toSource(), null)) {
      assertEquals(List.of("z", "m", "a", "c"), startAndDrain(reader));
    }
  }

  @Test
  void takesAtMostMaxFilesPerPollFromOneListing() throws IOException {
    for (int i = 1; i <= 5; i++) {
      TestFiles.write(dir, "f" + i + ".log", "line " + i + "\n", i * 1_000L);
    }
    WatchedFilesSource source = readOnce().withMaxFilesPerPoll(2).toSource();

    WatchedFilesCheckpoint afterFirstPoll;
    try (WatchedFilesReader first = reader(source, null)) {
      assertEquals(List.of("line 1", "line 2"), startAndDrain(first));
      afterFirstPoll = roundTrip(first.getCheckpointMark());
    }
    try (WatchedFilesReader second = reader(source, afterFirstPoll)) {
      assertEquals(List.of("line 3", "line 4"), startAndDrain(second));
    }
  }

  @Test
  void resumesFromADecodedCheckpointWithoutRepeatingOrSkipping() throws IOException {
    Path a = TestFiles.write(dir, "a.log", "a1\na2\na3\n", 1_000);
    Path b = TestFiles.write(dir, "b.log", "b1\r\nb2\r\nb3\r\nb4", 2_000);
    TestFiles.write(dir, "c.log", "c1\nc2\n", 3_000);
    WatchedFilesSource source = readOnce().toSource();

    WatchedFilesCheckpoint checkpoint;
    try (WatchedFilesReader first = reader(source, null)) {
      assertEquals(List.of("a1", "a2", "a3", "b1", "b2"), startAndRead(first, 5));
      checkpoint = first.getCheckpointMark();
    }
    WatchedFilesCheckpoint decoded = roundTrip(checkpoint);

    assertEquals(checkpoint, decoded);
    assertEquals(List.of(a.toString()), decoded.finishedFiles());
    assertEquals(b.toString(), decoded.partialFile());
    assertEquals(2, decoded.linesEmitted());
    try (WatchedFilesReader second = reader(source, decoded)) {
      // Not started yet, so it still stands exactly where the checkpoint left off.
      assertEquals(decoded, second.getCheckpointMark());
      assertEquals(List.of("b3", "b4", "c1", "c2"), startAndDrain(second));
    }
  }

  @Test
  void resumesAfterTheLastLineOfAFileWithoutRepeatingIt() throws IOException {
    TestFiles.write(dir, "a.log", "a1\na2\n", 1_000);
    TestFiles.write(dir, "b.log", "b1\n", 2_000);
    WatchedFilesSource source = readOnce().toSource();

    WatchedFilesCheckpoint checkpoint;
    try (WatchedFilesReader first = reader(source, null)) {
      // The reader has handed out a2 but not yet seen the end of a.log.
      assertEquals(List.of("a1", "a2"), startAndRead(first, 2));
      checkpoint = roundTrip(first.getCheckpointMark());
    }

    try (WatchedFilesReader second = reader(source, checkpoint)) {
      assertEquals(List.of("b1"), startAndDrain(second));
      WatchedFilesCheckpoint done = second.getCheckpointMark();
      assertEquals(2, done.finishedFiles().size());
      assertNull(done.partialFile());
    }
  }

  @Test
  void countsAFileDeletedBetweenListingAndReadingAndGoesOn() throws IOException {
    TestFiles.write(dir, "a.log", "a1\na2\n", 1_000);
    Path b = TestFiles.write(dir, "b.log", "b1\n", 2_000);
    TestFiles.write(dir, "c.log", "c1\n", 3_000);
    CountingMetricsContainer metrics = new CountingMetricsContainer();

    List<String> lines = new ArrayList<>();
    WatchedFilesCheckpoint checkpoint;
    try (Closeable scope = MetricsEnvironment.scopedMetricsContainer(metrics);
        WatchedFilesReader reader = reader(readOnce().toSource(), null)) {
      assertTrue(reader.start()); // lists a, b and c, and opens a
      lines.add(reader.getCurrent());
      Files.delete(b);
      while (reader.advance()) {
        lines.add(reader.getCurrent());
      }
      checkpoint = reader.getCheckpointMark();
    }

    assertEquals(List.of("a1", "a2", "c1"), lines);
    assertEquals(1, metrics.counter(WatchedTextIO.NAMESPACE, WatchedTextIO.FILES_UNREADABLE));
    assertEquals(2, metrics.counter(WatchedTextIO.NAMESPACE, WatchedTextIO.FILES_READ));
    assertEquals(3, metrics.counter(WatchedTextIO.NAMESPACE, WatchedTextIO.LINES_READ));
    // Given up on for good: a restarted reader must not count it again.
    assertTrue(checkpoint.finishedFiles().contains(b.toString()));
  }

  @Test
  void waitsForADirectoryThatDoesNotExistYet() throws IOException, InterruptedException {
    Path later = dir.resolve("later");
    WatchedFilesSource source =
        WatchedTextIO.read().from(later.toString()).withPollInterval(Duration.ZERO).toSource();

    try (WatchedFilesReader reader = reader(source, null)) {
      assertFalse(reader.start());
      Files.createDirectory(later);
      TestFiles.write(later, "x.log", "x\n", 1_000);

      assertTrue(reader.advance());
      assertEquals("x", reader.getCurrent());
    }
  }

  @Test
  void stampsProcessingTimeAndMovesTheWatermarkToNowWhenIdle() throws IOException {
    TestFiles.write(dir, "a.log", "a1\n", 1_000);

    try (WatchedFilesReader reader = reader(readOnce().toSource(), null)) {
      Instant before = Instant.now();
      assertTrue(reader.start());
      Instant stamped = reader.getCurrentTimestamp();
      assertFalse(stamped.isBefore(before));
      assertFalse(stamped.isAfter(Instant.now()));
      assertEquals(stamped, reader.getWatermark());

      Instant beforeIdle = Instant.now();
      assertFalse(reader.advance());
      assertFalse(reader.getWatermark().isBefore(beforeIdle));
      assertThrows(NoSuchElementException.class, reader::getCurrent);
    }
  }

  @Test
  void eventTimeWatermarkTrailsTheLargestTimestampAndNeverGoesBack() throws IOException {
    TestFiles.write(
        dir,
        "events.log",
        "1970-01-01T00:01:40Z first\n" // 100 s
            + "garbage\n"
            + "1970-01-01T00:00:50Z older\n" // 50 s
            + "1970-01-01T00:03:20Z newest\n", // 200 s
        1_000);
    WatchedFilesSource source =
        readOnce()
            .withTimestampFn(new LeadingInstantFn())
            .withWatermarkLag(Duration.standardSeconds(10))
            .toSource();

    try (WatchedFilesReader reader = reader(source, null)) {
      assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, reader.getWatermark());
      assertTrue(reader.start());
      assertEquals(seconds(100), reader.getCurrentTimestamp());
      assertEquals(seconds(90), reader.getWatermark());

      assertTrue(reader.advance());
      assertEquals("garbage", reader.getCurrent());
      assertEquals(seconds(100), reader.getCurrentTimestamp());

      assertTrue(reader.advance());
      assertEquals(seconds(50), reader.getCurrentTimestamp());
      assertEquals(seconds(90), reader.getWatermark());

      assertTrue(reader.advance());
      assertEquals(seconds(200), reader.getCurrentTimestamp());
      assertEquals(seconds(190), reader.getWatermark());

      assertFalse(reader.advance());
      assertEquals(seconds(190), reader.getWatermark());

      WatchedFilesCheckpoint checkpoint = roundTrip(reader.getCheckpointMark());
      assertEquals(seconds(190), checkpoint.watermark());
      assertEquals(seconds(200), checkpoint.lastTimestamp());
      try (WatchedFilesReader resumed = reader(source, checkpoint)) {
        assertEquals(seconds(190), resumed.getWatermark());
      }
    }
  }

  @Test
  void finishesOnceNoNewFileAppearedForTheIdleDuration()
      throws IOException, InterruptedException {
    TestFiles.write(dir, "a.log", "a1\n", 1_000);
    WatchedFilesSource source =
        WatchedTextIO.read()
            .from(dir.toString())
            .withPollInterval(Duration.millis(20))
            .stopWhenIdleFor(Duration.millis(300))
            .toSource();

    List<String> lines = new ArrayList<>();
    try (WatchedFilesReader reader = reader(source, null)) {
      for (boolean more = reader.start(); more; more = reader.advance()) {
        lines.add(reader.getCurrent());
      }
      // Arrives well within the idle duration, so the reader must still pick it up.
      TestFiles.write(dir, "b.log", "b1\n", 2_000);
      long deadline = System.currentTimeMillis() + 10_000;
      while (!reader.getWatermark().equals(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
        assertTrue(System.currentTimeMillis() < deadline, "reader never finished");
        if (reader.advance()) {
          lines.add(reader.getCurrent());
        } else {
          Thread.sleep(10);
        }
      }
      assertFalse(reader.advance());
    }
    assertEquals(List.of("a1", "b1"), lines);
  }

  @Test
  void doesNotFinishWithoutStopWhenIdleFor() throws IOException, InterruptedException {
    WatchedFilesSource source =
        WatchedTextIO.read().from(dir.toString()).withPollInterval(Duration.ZERO).toSource();

    try (WatchedFilesReader reader = reader(source, null)) {
      assertFalse(reader.start());
      Thread.sleep(50);
      assertFalse(reader.advance());
      assertNotEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark());
    }
  }

  @Test
  void splitsIntoItselfOnly() throws Exception {
    WatchedFilesSource source = readOnce().toSource();

    assertEquals(List.of(source), source.split(4, PipelineOptionsFactory.create()));
  }

  private static Instant seconds(long s) {
    return new Instant(s * 1_000);
  }
}
