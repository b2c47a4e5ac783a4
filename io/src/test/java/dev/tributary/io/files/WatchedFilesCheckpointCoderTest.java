package dev.tributary.io.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.util.CoderUtils;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class WatchedFilesCheckpointCoderTest {
  private static final WatchedFilesCheckpointCoder CODER = WatchedFilesCheckpointCoder.of();

  @Test
  void roundTripsFullAndEmptyCheckpoints() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(
        CODER,
        new WatchedFilesCheckpoint(
            List.of("/logs/b.log", "s3://bucket/a é.log"),
            "/logs/c.log",
            42,
            new Instant(1_000),
            new Instant(2_000)));
    CoderProperties.coderDecodeEncodeEqual(
        CODER,
        new WatchedFilesCheckpoint(List.of(), null, 0, BoundedWindow.TIMESTAMP_MIN_VALUE, null));
    CoderProperties.coderSerializable(CODER);
  }

  @Test
  void encodesEqualCheckpointsIdenticallyWhateverTheOrderOfTheirFiles() throws Exception {
    WatchedFilesCheckpoint one =
        new WatchedFilesCheckpoint(List.of("/a", "/b", "/c"), null, 0, new Instant(0), null);
    WatchedFilesCheckpoint other =
        new WatchedFilesCheckpoint(List.of("/c", "/a", "/b"), null, 0, new Instant(0), null);

    assertEquals(one, other);
    assertArrayEquals(
        CoderUtils.encodeToByteArray(CODER, one), CoderUtils.encodeToByteArray(CODER, other));
    CoderProperties.coderDeterministic(CODER, one, other);
  }

  @Test
  void rejectsAnUnknownFormatVersion() {
    byte[] bytes = {99, 0};

    assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(CODER, bytes));
  }
}
