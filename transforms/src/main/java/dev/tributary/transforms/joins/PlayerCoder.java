package dev.tributary.transforms.joins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** Encodes a {@link Player} as its name then age. Deterministic. */
public final class PlayerCoder extends AtomicCoder<Player> {
  private static final PlayerCoder INSTANCE = new PlayerCoder();

  public static PlayerCoder of() {
    return INSTANCE;
  }

  private PlayerCoder() {}

  @Override
  public void encode(Player value, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(value.getName(), out);
    VarIntCoder.of().encode(value.getAge(), out);
  }

  @Override
  public Player decode(InputStream in) throws IOException {
    return new Player(StringUtf8Coder.of().decode(in), VarIntCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
