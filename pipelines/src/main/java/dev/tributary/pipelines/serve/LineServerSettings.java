package dev.tributary.pipelines.serve;

import dev.tributary.transforms.common.Durations;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code serve-lines}, checked: where to listen, what to serve, how fast and for how
 * long. A bad value is an {@link IllegalArgumentException} whose message the command line shows as is.
 *
 * @param files empty unless files are served
 * @param linesPerSecond 0 for as fast as the clients read
 * @param maxLines {@link Long#MAX_VALUE} for no limit
 * @param durationMillis 0 for no limit
 */
record LineServerSettings(
    String host,
    int port,
    List<Path> files,
    boolean stdin,
    double linesPerSecond,
    long maxLines,
    long durationMillis) {
  private static final double DEFAULT_NUMBERED_RATE = 1.0;

  static LineServerSettings from(LineServerOptions o) {
    List<Path> files = files(o.getFile());
    if (!files.isEmpty() && o.getStdin()) {
      throw new IllegalArgumentException("--file and --stdin cannot be combined; pick one input");
    }
    if (o.getPort() < 0 || o.getPort() > 65535) {
      throw new IllegalArgumentException(
          "--port=" + o.getPort() + " is not a port; use 1 to 65535, or 0 for any free port");
    }
    boolean numbered = files.isEmpty() && !o.getStdin();
    double rate = o.getRate() != null ? o.getRate() : numbered ? DEFAULT_NUMBERED_RATE : 0;
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(
          "--rate=" + o.getRate() + " is not a rate; give lines per second, 0 or more");
    }
    if (o.getMaxLines() != null && o.getMaxLines() < 1) {
      throw new IllegalArgumentException("--maxLines must be at least 1, got " + o.getMaxLines());
    }
    return new LineServerSettings(
        o.getHost(),
        o.getPort(),
        files,
        o.getStdin(),
        rate,
        o.getMaxLines() == null ? Long.MAX_VALUE : o.getMaxLines(),
        o.getDuration() == null ? 0 : Durations.parsePositive("duration", o.getDuration()).getMillis());
  }

  /** The lines to serve; {@code stdinStream} is only read with {@code --stdin}. */
  LineSource source(InputStream stdinStream) {
    if (stdin) {
      return StreamLines.of(stdinStream, "stdin");
    }
    return files.isEmpty() ? new NumberedLines() : StreamLines.ofFiles(files);
  }

  /** {@code at 1 line/s}, {@code at 2.5 lines/s} or {@code as fast as clients read}. */
  String paceDescription() {
    if (linesPerSecond == 0) {
      return "as fast as clients read";
    }
    String number =
        linesPerSecond == Math.rint(linesPerSecond)
            ? Long.toString((long) linesPerSecond)
            : Double.toString(linesPerSecond);
    return "at " + number + (linesPerSecond == 1 ? " line/s" : " lines/s");
  }

  /** Paths from {@code --file}, each checked to be a readable file. */
  private static List<Path> files(List<String> specs) {
    List<Path> files = new ArrayList<>();
    if (specs == null) {
      return files;
    }
    for (String spec : specs) {
      if (spec.isBlank()) {
        continue;
      }
      Path file = Path.of(spec.trim());
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new IllegalArgumentException("--file=" + spec + " is not a readable file");
      }
      files.add(file);
    }
    return List.copyOf(files);
  }
}
