package dev.tributary.transforms.joins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** Encodes a {@link Play} as its player then score. Deterministic. */
public final class PlayCoder extends AtomicCoder<Play> {
  private static final PlayCoder INSTANCE = new PlayCoder();

  public static PlayCoder of() {
    return INSTANCE;
  }

  private PlayCoder() {}

  @Override
  public void encode(Play value, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(value.getPlayer(), out);
    VarIntCoder.of().encode(value.getScore(), out);
  }

  @Override
  public Play decode(InputStream in) throws IOException {
    return new Play(StringUtf8Coder.of().decode(in), VarIntCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
