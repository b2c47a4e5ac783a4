package dev.tributary.pipelines.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The lines of a stream (stdin) or of files one after another, as the bytes they hold. Lines end at
 * {@code \n}, {@code \r\n} or {@code \r}; the server sends each with {@code \n}. Bytes are passed on
 * untouched, invalid UTF-8 included, so that what a client receives is what the files hold.
 */
final class StreamLines implements LineSource {
  private final Iterator<Opener> inputs;
  private final String description;
  private @Nullable BufferedReader current;

  private interface Opener {
    InputStream open() throws IOException;
  }

  private StreamLines(List<Opener> inputs, String description) {
    this.inputs = inputs.iterator();
    this.description = description;
  }

  /** The files in the order given, each opened when the one before is finished. */
  static StreamLines ofFiles(List<Path> files) {
    List<Opener> openers = files.stream().<Opener>map(file -> () -> Files.newInputStream(file)).toList();
    return new StreamLines(openers, files.size() == 1 ? "1 file" : files.size() + " files");
  }

  static StreamLines of(InputStream in, String description) {
    return new StreamLines(List.of(() -> in), description);
  }

  @Override
  public byte @Nullable [] next() throws IOException {
    while (true) {
      if (current == null) {
        if (!inputs.hasNext()) {
          return null;
        }
        // ISO-8859-1 maps every byte to one char and back, so readLine splits lines without decoding
        // them; terminators are ASCII and never occur inside a UTF-8 character.
        current =
            new BufferedReader(new InputStreamReader(inputs.next().open(), StandardCharsets.ISO_8859_1));
      }
      String line = current.readLine();
      if (line != null) {
        return line.getBytes(StandardCharsets.ISO_8859_1);
      }
      current.close();
      current = null;
    }
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
