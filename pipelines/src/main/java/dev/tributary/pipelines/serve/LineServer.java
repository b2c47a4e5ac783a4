package dev.tributary.pipelines.serve;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A TCP server that broadcasts lines: every line goes to every client connected at that moment, like
 * {@code nc -lk} fed by a pipe. One feeder thread takes lines from the {@link LineSource} and writes
 * each to all clients in turn, so the slowest client sets the pace and no client misses lines while
 * connected; a thread per client only watches for it to leave.
 *
 * <ul>
 *   <li>While no client is connected the feeder waits and takes no lines, so nothing is sent into the
 *       void: a client connecting late, or reconnecting, gets the lines from where the stream stood.
 *   <li>A client counts as connected once it has stayed {@link #JOIN_DELAY_MILLIS} ms. Connection probes,
 *       such as the reachability check a job makes before it starts, come and go sooner and so take no
 *       lines from the client that follows them.
 *   <li>A line that reached no client (they all left while it was being sent) is sent again to the next.
 * </ul>
 */
final class LineServer implements Closeable {
  static final long JOIN_DELAY_MILLIS = 100;

  /** Why serving stopped. */
  enum Ending {
    INPUT_ENDED,
    MAX_LINES_SENT,
    CLOSED
  }

  private final ServerSocket listening;
  private final PrintStream log;
  private final Object lock = new Object();
  /** Clients that stayed past the join delay; guarded by {@link #lock}. */
  private final List<Client> joined = new ArrayList<>();
  /** Every accepted socket, joined or not, so that closing the server closes them all. */
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicLong linesSent = new AtomicLong();
  private final AtomicLong clientsJoined = new AtomicLong();
  private final AtomicReference<Throwable> feederFailure = new AtomicReference<>();
  private volatile boolean closed;
  private volatile Ending ending = Ending.CLOSED;
  private @Nullable Thread feeder;

  private LineServer(ServerSocket listening, PrintStream log) {
    this.listening = listening;
    this.log = log;
  }

  /**
   * Binds {@code host:port} (port 0: any free port) and starts accepting clients.
   *
   * @throws IOException if the address cannot be bound, e.g. because the port is taken
   */
  static LineServer listen(String host, int port, PrintStream log) throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      // Restarting the server right after stopping it must not wait for old connections' TIME_WAIT.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    LineServer server = new LineServer(socket, log);
    daemon("serve-lines-accept", server::acceptClients).start();
    return server;
  }

  InetSocketAddress address() {
    return (InetSocketAddress) listening.getLocalSocketAddress();
  }

  /** Starts sending lines from {@code source}, at {@code pace}, until it runs out or {@code maxLines} were sent. */
  void start(LineSource source, Pace pace, long maxLines) {
    Thread thread =
        daemon(
            "serve-lines-feeder",
            () -> {
              try (source) {
                ending = feed(source, pace, maxLines);
              } catch (Throwable t) {
                feederFailure.set(t);
              }
            });
    feeder = thread;
    thread.start();
  }

  /**
   * Waits for serving to end by itself, at most {@code timeoutMillis} (0: no limit); true if it did.
   *
   * @throws IOException if reading the lines failed
   */
  boolean awaitEnd(long timeoutMillis) throws IOException, InterruptedException {
    Thread thread = feeder;
    if (thread == null) {
      throw new IllegalStateException("start() was not called");
    }
    thread.join(timeoutMillis);
    Throwable failure = feederFailure.get();
    if (failure instanceof IOException) {
      throw (IOException) failure;
    } else if (failure != null) {
      throw new IllegalStateException("serving lines failed", failure);
    }
    return !thread.isAlive();
  }

  Ending ending() {
    return ending;
  }

  long linesSent() {
    return linesSent.get();
  }

  long clientsJoined() {
    return clientsJoined.get();
  }

  /** Stops accepting and serving; clients get every line already sent, then the end of the stream. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      lock.notifyAll();
    }
    closeQuietly(listening);
    for (Socket socket : sockets) {
      try {
        socket.shutdownOutput();
      } catch (IOException e) {
        // Already gone.
      }
      closeQuietly(socket);
    }
  }

  private Ending feed(LineSource source, Pace pace, long maxLines)
      throws IOException, InterruptedException {
    byte[] pending = null;
    while (linesSent.get() < maxLines) {
      if (!awaitAnyClient()) {
        return Ending.CLOSED;
      }
      if (pending == null) {
        if (!sleepUntil(pace.reserve(System.nanoTime()))) {
          return Ending.CLOSED;
        }
        pending = source.next();
        if (pending == null) {
          return Ending.INPUT_ENDED;
        }
      }
      // The clients of this moment: taking the line may have blocked (stdin) while others joined.
      boolean delivered = false;
      for (Client client : joinedClients()) {
        delivered |= client.send(pending);
      }
      if (delivered) {
        pending = null;
        linesSent.incrementAndGet();
      }
    }
    return Ending.MAX_LINES_SENT;
  }

  /** Waits until at least one client has joined; false if the server closed first. */
  private boolean awaitAnyClient() throws InterruptedException {
    synchronized (lock) {
      while (!closed && joined.isEmpty()) {
        lock.wait();
      }
      return !closed;
    }
  }

  private List<Client> joinedClients() {
    synchronized (lock) {
      return new ArrayList<>(joined);
    }
  }

  /** Waits until {@code deadline} ({@link System#nanoTime} terms); false if the server closed first. */
  private boolean sleepUntil(long deadline) throws InterruptedException {
    synchronized (lock) {
      long remaining;
      while (!closed && (remaining = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(lock, remaining);
      }
      return !closed;
    }
  }

  private void acceptClients() {
    while (!closed) {
      Socket socket;
      try {
        socket = listening.accept();
      } catch (IOException e) {
        if (!closed) {
          log.println("serve-lines: cannot accept clients any more: " + e.getMessage());
        }
        return;
      }
      sockets.add(socket);
      daemon("serve-lines-client-" + socket.getRemoteSocketAddress(), () -> watch(socket)).start();
    }
  }

  /** Lets the client join once it stayed the join delay, then waits for it to leave. */
  private void watch(Socket socket) {
    Client client = null;
    try (socket) {
      InputStream in = socket.getInputStream();
      socket.setSoTimeout((int) JOIN_DELAY_MILLIS);
      try {
        if (in.read() < 0) {
          return; // A probe: it left before joining.
        }
      } catch (SocketTimeoutException stayed) {
        // Stayed the join delay without sending anything, as line clients do.
      }
      socket.setSoTimeout(0);
      client = new Client(socket);
      join(client);
      while (in.read() >= 0) {
        // Whatever a client sends is ignored; reading it is how its leaving shows.
      }
    } catch (IOException e) {
      // Connection reset, or closed by the feeder or by close(): the client is gone either way.
    } finally {
      sockets.remove(socket);
      if (client != null) {
        leave(client);
      }
    }
  }

  private void join(Client client) {
    // Counted before the feeder can see it, so a summary never shows lines sent to 0 clients.
    clientsJoined.incrementAndGet();
    synchronized (lock) {
      joined.add(client);
      lock.notifyAll();
    }
    log.println("serve-lines: client " + client.name + " connected");
  }

  private void leave(Client client) {
    boolean wasJoined;
    synchronized (lock) {
      wasJoined = joined.remove(client);
    }
    closeQuietly(client.socket);
    if (wasJoined && !closed) {
      log.println("serve-lines: client " + client.name + " disconnected");
    }
  }

  /** A joined client; only the feeder thread writes to it. */
  private final class Client {
    final Socket socket;
    final String name;
    final OutputStream out;

    Client(Socket socket) throws IOException {
      this.socket = socket;
      this.name = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
      this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** Writes one line and flushes it; false (and the client leaves) if the connection broke. */
    boolean send(byte[] line) {
      try {
        out.write(line);
        out.write('\n');
        out.flush();
        return true;
      } catch (IOException e) {
        leave(this);
        return false;
      }
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // Closing on the way out; there is nothing left to save.
    }
  }
}
