package dev.tributary.pipelines.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tributary.pipelines.testkit.LineQueue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** A {@code serve-lines} run on a background thread, with its output readable line by line as it comes. */
final class ServerRun implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on [^ ]+:(\\d+),");

  private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();
  private final FutureTask<Integer> status;
  private final int port;

  private ServerRun(Function<PrintStream, Integer> job) throws InterruptedException {
    PrintStream out = new PrintStream(new LineQueue(output), true, StandardCharsets.UTF_8);
    status = new FutureTask<>(() -> job.apply(out));
    Thread thread = new Thread(status, "serve-lines-job");
    thread.setDaemon(true);
    thread.start();
    Matcher m = LISTENING.matcher(awaitLine("serve-lines: listening on"));
    m.find();
    port = Integer.parseInt(m.group(1));
  }

  /** Runs {@code new LineServerJob(stdin)} with {@code args}, on a port the OS picks. */
  static ServerRun start(InputStream stdin, String... args) throws InterruptedException {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--port=0");
    LineServerOptions options =
        PipelineOptionsFactory.fromArgs(all.toArray(String[]::new)).withValidation().as(LineServerOptions.class);
    return new ServerRun(
        out -> {
          try {
            return new LineServerJob(stdin).run(options, out);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  int port() {
    return port;
  }

  /** Waits up to 10 s for an output line starting with {@code prefix}; returns it. */
  String awaitLine(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      String line = output.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertNotNull(line, "no output line starting with '" + prefix + "'; saw " + seen);
      seen.add(line);
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** Waits for the job to end and checks its status and last line. */
  void assertEnds(int expectedStatus, String expectedLastLine) throws Exception {
    assertEquals(expectedStatus, status.get(10, TimeUnit.SECONDS));
    assertEquals(expectedLastLine, awaitLine(expectedLastLine));
  }

  /** Connects and reads every line until the server closes the connection. */
  static List<String> readAll(int port) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return readAll(socket);
    }
  }

  static List<String> readAll(Socket socket) throws IOException {
    socket.setSoTimeout(10_000);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lines.add(line);
    }
    return lines;
  }

  @Override
  public void close() {
    status.cancel(true);
  }
}
