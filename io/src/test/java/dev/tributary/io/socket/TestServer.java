package dev.tributary.io.socket;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real TCP server on 127.0.0.1 at a port the OS chose, acting out a scenario on its own thread.
 * Closing it closes every socket, waits for the scenario, and rethrows what the scenario threw, so a
 * server-side mistake fails the test instead of hanging it.
 */
final class TestServer implements AutoCloseable {
  /** What the server does; runs on the server's thread. */
  interface Scenario {
    void run(TestServer server) throws Exception;
  }

  private final List<Socket> clients = new CopyOnWriteArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final int port;
  private volatile ServerSocket listening;
  private volatile boolean closing;
  private final Thread thread;

  private TestServer(Scenario scenario) throws IOException {
    listening = bind(0);
    port = listening.getLocalPort();
    thread =
        new Thread(
            () -> {
              try {
                scenario.run(this);
              } catch (Throwable t) {
                // Closing the sockets under a scenario that still waits on them is how tests end it.
                if (!closing) {
                  failure.set(t);
                }
              }
            },
            "test-server-" + port);
    thread.setDaemon(true);
  }

  static TestServer start(Scenario scenario) throws IOException {
    TestServer server = new TestServer(scenario);
    server.thread.start();
    return server;
  }

  /** A port nothing listens on: bound by the OS, then released. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  /** How many clients the server accepted so far. */
  int acceptedClients() {
    return accepted.get();
  }

  Socket accept() throws IOException {
    Socket client = listening.accept();
    clients.add(client);
    accepted.incrementAndGet();
    return client;
  }

  /** The server goes away: nobody listens on its port until {@link #listenAgain}. */
  void stopListening() throws IOException {
    listening.close();
  }

  void listenAgain() throws IOException {
    listening = bind(port);
  }

  static void send(Socket client, String text) throws IOException {
    send(client, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Blocks until the client closes its end of the connection. */
  static void awaitClientClose(Socket client) throws IOException {
    while (client.getInputStream().read() >= 0) {
      // Clients of these tests send nothing; anything they do send is ignored.
    }
  }

  static void send(Socket client, byte[] bytes) throws IOException {
    OutputStream out = client.getOutputStream();
    out.write(bytes);
    out.flush();
  }

  @Override
  public void close() throws Exception {
    closing = true;
    listening.close();
    for (Socket client : clients) {
      client.close();
    }
    thread.join(10_000);
    Throwable t = failure.get();
    if (t instanceof Exception) {
      throw (Exception) t;
    } else if (t != null) {
      throw new AssertionError("test server failed", t);
    }
  }

  private static ServerSocket bind(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    // Rebinding the port of a server that just went away must not wait for TIME_WAIT to pass.
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }
}
