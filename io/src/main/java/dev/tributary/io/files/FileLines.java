package dev.tributary.io.files;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One open text file read as UTF-8 lines, counting the lines handed out so far. */
final class FileLines implements Closeable {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final String path;
  private final BufferedReader reader;
  private long linesRead;

  private FileLines(String path, InputStream in) {
    // REPLACE instead of REPORT: one bad byte should not cost the rest of the file (or the pipeline).
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    this.path = path;
    this.reader = new BufferedReader(new InputStreamReader(in, decoder));
  }

  /** Opens {@code path} through Beam's file systems, so every registered scheme works. */
  static FileLines open(String path) throws IOException {
    InputStream in =
        Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)));
    return new FileLines(path, in);
  }

  static FileLines of(String path, InputStream in) {
    return new FileLines(path, in);
  }

  /**
   * The next line without its terminator ({@code \n}, {@code \r\n} or a lone {@code \r}), or null at
   * the end of the file. {@link BufferedReader#readLine} already splits exactly like Beam's TextIO,
   * including an unterminated last line.
   */
  @Nullable String next() throws IOException {
    String line = reader.readLine();
    if (line == null) {
      return null;
    }
    if (linesRead == 0 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
      line = line.substring(1);
    }
    linesRead++;
    return line;
  }

  /** Skips up to {@code count} lines, for resuming a file after the lines emitted before a restart. */
  void skip(long count) throws IOException {
    while (linesRead < count && next() != null) {
      // The lines themselves were already emitted.
    }
  }

  long linesRead() {
    return linesRead;
  }

  String path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
