package dev.tributary.io.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.joda.time.Instant;

/** Encodes a {@link SocketCheckpoint} as a format version, the reader id, the watermark and the last timestamp. */
final class SocketCheckpointCoder extends AtomicCoder<SocketCheckpoint> {
  // Checkpoints outlive the code that wrote them (savepoints, restarts after an upgrade); the version
  // lets a later format still read them, or reject them with a clear message.
  private static final int FORMAT_VERSION = 1;

  private static final SocketCheckpointCoder INSTANCE = new SocketCheckpointCoder();
  private static final VarIntCoder INT_CODER = VarIntCoder.of();
  private static final StringUtf8Coder STRING_CODER = StringUtf8Coder.of();
  private static final InstantCoder INSTANT_CODER = InstantCoder.of();
  private static final NullableCoder<Instant> NULLABLE_INSTANT_CODER = NullableCoder.of(INSTANT_CODER);

  static SocketCheckpointCoder of() {
    return INSTANCE;
  }

  private SocketCheckpointCoder() {}

  @Override
  public void encode(SocketCheckpoint value, OutputStream out) throws IOException {
    INT_CODER.encode(FORMAT_VERSION, out);
    STRING_CODER.encode(value.readerId(), out);
    INSTANT_CODER.encode(value.watermark(), out);
    NULLABLE_INSTANT_CODER.encode(value.lastTimestamp(), out);
  }

  @Override
  public SocketCheckpoint decode(InputStream in) throws IOException {
    int version = INT_CODER.decode(in);
    if (version != FORMAT_VERSION) {
      throw new CoderException(
          "Unknown SocketCheckpoint format " + version + ", expected " + FORMAT_VERSION);
    }
    String readerId = STRING_CODER.decode(in);
    Instant watermark = INSTANT_CODER.decode(in);
    Instant lastTimestamp = NULLABLE_INSTANT_CODER.decode(in);
    return new SocketCheckpoint(readerId, watermark, lastTimestamp);
  }

  @Override
  public void verifyDeterministic() {}
}
