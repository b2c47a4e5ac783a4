package dev.tributary.pipelines.serve;

import dev.tributary.pipelines.cli.Job;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code tributary serve-lines}: a line server to feed socket sources, what {@code nc -lk 9999} and the
 * seeds' TCP server do. It serves {@code This is line N} at a steady rate, or standard input, or files,
 * to every client connected (see {@link LineServer} for how clients share the stream), and runs until
 * Ctrl-C, until the input ends, or until {@code --maxLines} or {@code --duration} says so.
 */
public final class LineServerJob implements Job<LineServerOptions> {
  private final InputStream stdin;

  public LineServerJob() {
    this(System.in);
  }

  /** With another standard input, for tests. */
  LineServerJob(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public String name() {
    return "serve-lines";
  }

  @Override
  public String description() {
    return "Serves lines over TCP, like 'nc -lk 9999': numbered lines, stdin or files, to feed socket sources.";
  }

  @Override
  public Class<LineServerOptions> optionsClass() {
    return LineServerOptions.class;
  }

  @Override
  public int run(LineServerOptions options, PrintStream out) throws IOException, InterruptedException {
    LineServerSettings settings = LineServerSettings.from(options);
    LineSource source = settings.source(stdin);
    LineServer server;
    try {
      server = LineServer.listen(settings.host(), settings.port(), out);
    } catch (IOException e) {
      source.close();
      throw new IllegalArgumentException(
          "cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
    }
    AtomicBoolean reported = new AtomicBoolean();
    Thread onCtrlC =
        new Thread(
            () -> {
              server.close();
              report(server, "stopped", reported, out);
            });
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      InetSocketAddress address = server.address();
      out.println(
          "serve-lines: listening on " + address.getHostString() + ":" + address.getPort() + ", serving "
              + source.description() + " " + settings.paceDescription() + "; stop with Ctrl-C");
      server.start(source, new Pace(settings.linesPerSecond()), settings.maxLines());
      boolean ended = server.awaitEnd(settings.durationMillis());
      // Closed before reporting, so that the clients have their end of stream when the summary shows.
      server.close();
      report(server, ended ? why(server.ending()) : "--duration passed", reported, out);
      return 0;
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C arrived meanwhile; the hook is running and reports.
      }
    }
  }

  private static String why(LineServer.Ending ending) {
    switch (ending) {
      case INPUT_ENDED:
        return "the input ended";
      case MAX_LINES_SENT:
        return "--maxLines reached";
      default:
        return "stopped";
    }
  }

  /** Prints the one-line summary once, whether the server ended by itself or by Ctrl-C. */
  private static void report(LineServer server, String why, AtomicBoolean reported, PrintStream out) {
    if (reported.compareAndSet(false, true)) {
      long clients = server.clientsJoined();
      out.println(
          "serve-lines: sent " + server.linesSent() + " lines to " + clients
              + (clients == 1 ? " client" : " clients") + "; " + why);
      out.flush();
    }
  }
}
