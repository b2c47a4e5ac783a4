package dev.tributary.pipelines.words;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A line server on 127.0.0.1 for streaming tests: sends lines when the test says, so that a test decides
 * what arrives in which burst. Lines go to the job's reader, the client that stays connected; the
 * reachability probe a job makes before it starts connects and leaves at once and gets nothing.
 */
public final class LoopbackLineServer implements AutoCloseable {
  private static final long SETTLE_MILLIS = 300;

  private final ServerSocket server;
  private final List<Client> clients = new CopyOnWriteArrayList<>();

  private LoopbackLineServer(ServerSocket server) {
    this.server = server;
    Thread acceptor = new Thread(this::accept, "loopback-line-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static LoopbackLineServer start() throws IOException {
    return new LoopbackLineServer(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Waits (up to 60 s) for the job's reader, then sends {@code lines} to it at once. */
  public void send(String... lines) throws IOException, InterruptedException {
    Client reader = awaitReader();
    StringBuilder burst = new StringBuilder();
    for (String line : lines) {
      burst.append(line).append('\n');
    }
    reader.out.write(burst.toString().getBytes(StandardCharsets.UTF_8));
    reader.out.flush();
  }

  private Client awaitReader() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (Client c : clients) {
        if (!c.closed && System.currentTimeMillis() - c.connectedAt >= SETTLE_MILLIS) {
          return c;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no job connected to 127.0.0.1:" + port() + " within 60 s");
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Client client = new Client(socket);
        clients.add(client);
        Thread watcher = new Thread(client::watch, "loopback-line-client");
        watcher.setDaemon(true);
        watcher.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Client c : clients) {
      c.socket.close();
    }
  }

  private static final class Client {
    final Socket socket;
    final OutputStream out;
    final long connectedAt = System.currentTimeMillis();
    volatile boolean closed;

    Client(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
    }

    /** Readers never write; end of stream means the client left. */
    void watch() {
      try (InputStream in = socket.getInputStream()) {
        while (in.read() >= 0) {
          // ignore
        }
      } catch (IOException e) {
        // broken: left as well
      }
      closed = true;
    }
  }
}
