package dev.tributary.pipelines.testkit;

import dev.tributary.pipelines.cli.Tributary;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code tributary serve-lines --file=...} on a thread of this JVM, on a port the OS picks: the line server
 * a {@code tcp://} input reads from. It sends nothing until a client has joined, and ends after the last line.
 */
public final class ServeLines implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("serve-lines: listening on [^ ]+:(\\d+),");

  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder seen = new StringBuilder();
  private final FutureTask<Integer> status;
  private final int port;

  private ServeLines(List<Path> files) throws InterruptedException {
    PrintStream out = new PrintStream(new LineQueue(lines), true, StandardCharsets.UTF_8);
    String fileList = files.stream().map(Path::toString).collect(Collectors.joining(","));
    status = new FutureTask<>(
        () -> Tributary.run(new String[] {"serve-lines", "--file=" + fileList, "--port=0"}, out, out));
    Thread thread = new Thread(status, "serve-lines");
    thread.setDaemon(true);
    thread.start();
    port = Integer.parseInt(awaitLine(LISTENING).group(1));
  }

  public static ServeLines start(List<Path> files) throws InterruptedException {
    return new ServeLines(files);
  }

  public int port() {
    return port;
  }

  /** Waits up to 30 s for the line saying that every line went out; returns it. */
  public String awaitSent() throws InterruptedException {
    return awaitLine(Pattern.compile("serve-lines: sent .*")).group();
  }

  private Matcher awaitLine(Pattern pattern) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("serve-lines printed no line matching " + pattern + "; it printed:\n" + seen);
      }
      seen.append(line).append('\n');
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return m;
      }
    }
  }

  /** The server ends by itself after the last line; this stops it if a test failed before. */
  @Override
  public void close() {
    status.cancel(true);
  }
}
