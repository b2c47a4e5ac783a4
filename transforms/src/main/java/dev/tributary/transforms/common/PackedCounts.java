package dev.tributary.transforms.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table of counts per text key, kept in its encoded form: the number of entries, then each key (UTF-8,
 * length first) and its count, all as variable-length integers where numbers go.
 *
 * <p>Why encoded: a count table per window and bundle holds about as many entries as there are input
 * lines, and runners copy what passes between steps: the Direct runner encodes every element several
 * times to check it, Flink and Spark serialize at every shuffle. Kept as bytes, each of those is one array
 * copy; the keys are decoded once, where the tables are added up.
 */
public final class PackedCounts {
  private final byte[] bytes;

  private PackedCounts(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Packs a table counted with {@code long[1]} cells, as {@link BundleCountTables} keeps them. */
  public static PackedCounts pack(Map<String, long[]> counts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 + counts.size() * 24);
    writeVarLong(out, counts.size());
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
      writeVarLong(out, key.length);
      out.write(key, 0, key.length);
      writeVarLong(out, e.getValue()[0]);
    }
    return new PackedCounts(out.toByteArray());
  }

  /** Wraps bytes written by {@link #bytes()}; the coder's way back. */
  static PackedCounts ofBytes(byte[] bytes) {
    return new PackedCounts(bytes);
  }

  /** The encoded table; do not modify. */
  byte[] bytes() {
    return bytes;
  }

  /** Adds every count of this table to {@code totals}. */
  public void addTo(Map<String, Long> totals) {
    Reader in = new Reader(bytes);
    long entries = in.varLong();
    for (long i = 0; i < entries; i++) {
      int length = (int) in.varLong();
      String key = new String(bytes, in.position, length, StandardCharsets.UTF_8);
      in.position += length;
      totals.merge(key, in.varLong(), Long::sum);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PackedCounts && Arrays.equals(bytes, ((PackedCounts) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    Map<String, Long> table = new java.util.TreeMap<>();
    addTo(table);
    return "PackedCounts" + table;
  }

  private static void writeVarLong(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static final class Reader {
    private final byte[] bytes;
    int position;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    long varLong() {
      long result = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = bytes[position++];
        result |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
    }
  }
}
