package dev.tributary.transforms.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;

/** {@link PackedCounts} as its bytes, length first: encoding and decoding are array copies. */
public final class PackedCountsCoder extends AtomicCoder<PackedCounts> {
  private static final PackedCountsCoder INSTANCE = new PackedCountsCoder();
  private static final ByteArrayCoder BYTES = ByteArrayCoder.of();

  public static PackedCountsCoder of() {
    return INSTANCE;
  }

  private PackedCountsCoder() {}

  @Override
  public void encode(PackedCounts value, OutputStream out) throws IOException {
    BYTES.encode(value.bytes(), out);
  }

  @Override
  public PackedCounts decode(InputStream in) throws IOException {
    return PackedCounts.ofBytes(BYTES.decode(in));
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
