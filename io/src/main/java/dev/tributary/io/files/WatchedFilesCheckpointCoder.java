package dev.tributary.io.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Encodes a {@link WatchedFilesCheckpoint} as a format version, the sorted finished paths, the partial
 * file, its emitted line count, the watermark and the last timestamp. Deterministic, because the
 * checkpoint keeps its paths sorted.
 */
final class WatchedFilesCheckpointCoder extends AtomicCoder<WatchedFilesCheckpoint> {
  // Checkpoints outlive the code that wrote them (savepoints, restarts after an upgrade); the version
  // lets a later format still read them, or at least reject them with a clear message.
  private static final int FORMAT_VERSION = 1;

  private static final WatchedFilesCheckpointCoder INSTANCE = new WatchedFilesCheckpointCoder();

  private static final VarIntCoder INT_CODER = VarIntCoder.of();
  private static final VarLongCoder LONG_CODER = VarLongCoder.of();
  private static final StringUtf8Coder STRING_CODER = StringUtf8Coder.of();
  private static final NullableCoder<String> NULLABLE_STRING_CODER = NullableCoder.of(STRING_CODER);
  private static final InstantCoder INSTANT_CODER = InstantCoder.of();
  private static final NullableCoder<Instant> NULLABLE_INSTANT_CODER =
      NullableCoder.of(INSTANT_CODER);

  static WatchedFilesCheckpointCoder of() {
    return INSTANCE;
  }

  private WatchedFilesCheckpointCoder() {}

  @Override
  public void encode(WatchedFilesCheckpoint value, OutputStream out) throws IOException {
    INT_CODER.encode(FORMAT_VERSION, out);
    List<String> files = value.finishedFiles();
    INT_CODER.encode(files.size(), out);
    for (String file : files) {
      STRING_CODER.encode(file, out);
    }
    NULLABLE_STRING_CODER.encode(value.partialFile(), out);
    LONG_CODER.encode(value.linesEmitted(), out);
    INSTANT_CODER.encode(value.watermark(), out);
    NULLABLE_INSTANT_CODER.encode(value.lastTimestamp(), out);
  }

  @Override
  public WatchedFilesCheckpoint decode(InputStream in) throws IOException {
    int version = INT_CODER.decode(in);
    if (version != FORMAT_VERSION) {
      throw new CoderException(
          "Unknown WatchedFilesCheckpoint format " + version + ", expected " + FORMAT_VERSION);
    }
    int count = INT_CODER.decode(in);
    if (count < 0) {
      throw new CoderException("Negative finished-file count " + count);
    }
    List<String> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      files.add(STRING_CODER.decode(in));
    }
    @Nullable String partialFile = NULLABLE_STRING_CODER.decode(in);
    long linesEmitted = LONG_CODER.decode(in);
    Instant watermark = INSTANT_CODER.decode(in);
    @Nullable Instant lastTimestamp = NULLABLE_INSTANT_CODER.decode(in);
    return new WatchedFilesCheckpoint(files, partialFile, linesEmitted, watermark, lastTimestamp);
  }

  @Override
  public void verifyDeterministic() {}
}
