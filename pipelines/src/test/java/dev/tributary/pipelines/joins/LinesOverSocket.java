package dev.tributary.pipelines.joins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted line server on 127.0.0.1 for job tests: the first client that stays connected gets the
 * batches of lines, with a pause between batches, and the connection is then left open until {@link
 * #close()}, so the job's source goes idle (and {@code --stopAfterIdle} ends it) without reconnecting.
 * Clients that leave within 300 ms, such as the reachability probe a job makes at start, get nothing.
 */
public final class LinesOverSocket implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> accepted = new ArrayList<>();
  private final Thread thread;

  private LinesOverSocket(List<List<String>> batches, long pauseMillis) throws IOException {
    server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> feed(batches, pauseMillis), "lines-over-socket");
    thread.setDaemon(true);
    thread.start();
  }

  /** Serves {@code batches}, pausing {@code pauseMillis} after each but the last. */
  public static LinesOverSocket serve(List<List<String>> batches, long pauseMillis) throws IOException {
    return new LinesOverSocket(batches, pauseMillis);
  }

  /** Serves {@code lines} at once. */
  public static LinesOverSocket serve(List<String> lines) throws IOException {
    return new LinesOverSocket(List.of(lines), 0);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** {@code tcp://127.0.0.1:port}. */
  public String url() {
    return "tcp://127.0.0.1:" + port();
  }

  private void feed(List<List<String>> batches, long pauseMillis) {
    try {
      Socket client = firstClientThatStays();
      OutputStream out = client.getOutputStream();
      for (int i = 0; i < batches.size(); i++) {
        for (String line : batches.get(i)) {
          out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
        if (i < batches.size() - 1) {
          Thread.sleep(pauseMillis);
        }
      }
    } catch (IOException | InterruptedException e) {
      // Closed by the test.
    }
  }

  private Socket firstClientThatStays() throws IOException {
    while (true) {
      Socket client = server.accept();
      synchronized (accepted) {
        accepted.add(client);
      }
      client.setSoTimeout(300);
      InputStream in = client.getInputStream();
      try {
        if (in.read() < 0) {
          client.close(); // a probe: connected and left
          continue;
        }
      } catch (SocketTimeoutException stayed) {
        client.setSoTimeout(0);
        return client;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (accepted) {
      for (Socket s : accepted) {
        s.close();
      }
    }
    thread.interrupt();
  }
}
