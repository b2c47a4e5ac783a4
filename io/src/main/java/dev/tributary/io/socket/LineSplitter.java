package dev.tributary.io.socket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Cuts a byte stream, fed in arbitrary chunks, into UTF-8 lines ending at {@code \n}, {@code \r\n} or a
 * lone {@code \r}. It works on bytes rather than on a {@code Reader} because a socket hands out whatever
 * arrived, possibly half a line or half a character, and the reader must never block waiting for the
 * rest. Splitting bytes is safe for UTF-8: {@code \r} and {@code \n} never occur inside a multi-byte
 * character.
 */
final class LineSplitter {
  /** One line without its terminator; {@code truncated} if bytes past the length limit were dropped. */
  record Line(String text, long bytes, boolean truncated) {}

  private static final int INITIAL_CAPACITY = 256;
  /** A buffer grown for one huge line is given back afterwards rather than kept for the connection's life. */
  private static final int RETAINED_CAPACITY = 64 * 1024;

  private final int maxLineBytes;
  private final ArrayDeque<Line> ready = new ArrayDeque<>();
  private byte[] pending = new byte[INITIAL_CAPACITY];
  private int pendingLength;
  private long droppedBytes;
  private boolean afterCarriageReturn;

  /** @param maxLineBytes bytes kept per line; the rest of a longer line is dropped and the line flagged */
  LineSplitter(int maxLineBytes) {
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
  }

  /** Takes the next {@code length} bytes of the stream; complete lines become available to {@link #next}. */
  void accept(byte[] data, int offset, int length) {
    int end = offset + length;
    int segmentStart = offset;
    for (int i = offset; i < end; i++) {
      byte b = data[i];
      if (afterCarriageReturn) {
        afterCarriageReturn = false;
        if (b == '\n') {
          // The second half of a \r\n whose \r already ended the line, possibly in the previous chunk.
          segmentStart = i + 1;
          continue;
        }
      }
      if (b == '\n' || b == '\r') {
        append(data, segmentStart, i - segmentStart);
        endLine();
        afterCarriageReturn = b == '\r';
        segmentStart = i + 1;
      }
    }
    append(data, segmentStart, end - segmentStart);
  }

  /**
   * The stream ended: whatever came after the last terminator is a line too, as in Beam's TextIO. The
   * splitter can then be fed a new stream.
   */
  void endOfStream() {
    if (pendingLength > 0 || droppedBytes > 0) {
      endLine();
    }
    afterCarriageReturn = false;
  }

  /** The oldest complete line not handed out yet, or null. */
  @Nullable Line next() {
    return ready.poll();
  }

  boolean hasNext() {
    return !ready.isEmpty();
  }

  private void append(byte[] data, int offset, int length) {
    int room = maxLineBytes - pendingLength;
    int kept = Math.min(room, length);
    if (kept > 0) {
      ensureCapacity(pendingLength + kept);
      System.arraycopy(data, offset, pending, pendingLength, kept);
      pendingLength += kept;
    }
    droppedBytes += length - kept;
  }

  private void ensureCapacity(int needed) {
    if (needed > pending.length) {
      long doubled = 2L * pending.length;
      pending = Arrays.copyOf(pending, (int) Math.min(maxLineBytes, Math.max(doubled, needed)));
    }
  }

  private void endLine() {
    boolean truncated = droppedBytes > 0;
    int length = truncated ? completeCharactersIn(pending, pendingLength) : pendingLength;
    // new String(bytes, UTF_8) replaces malformed input with U+FFFD instead of failing.
    String text = new String(pending, 0, length, StandardCharsets.UTF_8);
    ready.add(new Line(text, pendingLength + droppedBytes, truncated));
    pendingLength = 0;
    droppedBytes = 0;
    if (pending.length > RETAINED_CAPACITY) {
      pending = new byte[INITIAL_CAPACITY];
    }
  }

  /**
   * How many of the first {@code length} bytes hold whole characters: a cut at the length limit must not
   * turn the character it splits into a replacement character.
   */
  static int completeCharactersIn(byte[] bytes, int length) {
    int start = length - 1;
    // Continuation bytes are 10xxxxxx; a character has at most three of them.
    while (start >= 0 && start > length - 4 && (bytes[start] & 0xC0) == 0x80) {
      start--;
    }
    if (start < 0) {
      return length;
    }
    int lead = bytes[start] & 0xFF;
    int expected = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return start + expected > length ? start : length;
  }
}
