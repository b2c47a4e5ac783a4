package dev.tributary.io.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.CoderUtils;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class SocketCheckpointCoderTest {
  @Test
  void roundTripsWithAndWithoutALastTimestamp() throws Exception {
    SocketCheckpoint full =
        new SocketCheckpoint("reader-1", Instant.parse("2024-06-01T12:00:00Z"), Instant.parse("2024-06-01T12:00:10Z"));
    SocketCheckpoint bare = new SocketCheckpoint("reader-2", Instant.parse("2024-06-01T12:00:00Z"), null);

    assertEquals(full, CoderUtils.clone(SocketCheckpointCoder.of(), full));
    assertEquals(bare, CoderUtils.clone(SocketCheckpointCoder.of(), bare));
  }

  @Test
  void rejectsAnUnknownFormat() {
    byte[] future = {9};

    CoderException e =
        assertThrows(CoderException.class, () -> CoderUtils.decodeFromByteArray(SocketCheckpointCoder.of(), future));

    assertEquals("Unknown SocketCheckpoint format 9, expected 1", e.getMessage());
  }
}
