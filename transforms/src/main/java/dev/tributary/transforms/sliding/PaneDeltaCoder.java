package dev.tributary.transforms.sliding;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StructuredCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** Encodes a {@link PaneDelta} as its pane end, its two flags, then its changes (a map of key to count). */
final class PaneDeltaCoder<K> extends StructuredCoder<PaneDelta<K>> {
  private final Coder<K> keyCoder;
  private final Coder<Map<K, Long>> changeCoder;

  static <K> PaneDeltaCoder<K> of(Coder<K> keyCoder) {
    return new PaneDeltaCoder<>(keyCoder);
  }

  private PaneDeltaCoder(Coder<K> keyCoder) {
    this.keyCoder = keyCoder;
    this.changeCoder = MapCoder.of(keyCoder, VarLongCoder.of());
  }

  @Override
  public void encode(PaneDelta<K> delta, OutputStream out) throws IOException {
    VarLongCoder.of().encode(delta.getPaneEnd(), out);
    out.write((delta.continuesRun() ? 1 : 0) | (delta.isMarker() ? 2 : 0));
    changeCoder.encode(delta.getChange(), out);
  }

  @Override
  public PaneDelta<K> decode(InputStream in) throws IOException {
    long paneEnd = VarLongCoder.of().decode(in);
    int flags = in.read();
    if (flags < 0) {
      throw new EOFException("a pane delta ends before its flags");
    }
    return new PaneDelta<>(paneEnd, changeCoder.decode(in), (flags & 1) != 0, (flags & 2) != 0);
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(keyCoder);
  }

  /** A map's encoding follows its iteration order, which a hash map does not fix. */
  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "a hash map's encoding depends on its iteration order");
  }
}
