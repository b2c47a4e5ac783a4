package dev.tributary.io.socket;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * One TCP connection read as lines without ever blocking: {@link #poll} returns a line if one is ready
 * and null otherwise. Only connecting blocks, for at most the connect timeout.
 */
final class LineConnection implements Closeable {
  private static final int READ_CHUNK_BYTES = 64 * 1024;

  private final String endpoint;
  private final SocketChannel channel;
  private final LineSplitter splitter;
  private final ByteBuffer buffer = ByteBuffer.allocate(READ_CHUNK_BYTES);
  private boolean streamEnded;
  private @Nullable IOException failure;

  private LineConnection(String endpoint, SocketChannel channel, int maxLineBytes) {
    this.endpoint = endpoint;
    this.channel = channel;
    this.splitter = new LineSplitter(maxLineBytes);
  }

  /**
   * Connects to {@code host:port}.
   *
   * @throws IOException with a message fit to show as is: {@code cannot connect to host:port: reason}
   */
  static LineConnection open(String host, int port, Duration timeout, int maxLineBytes)
      throws IOException {
    String endpoint = host + ":" + port;
    SocketChannel channel = null;
    try {
      InetSocketAddress address = new InetSocketAddress(host, port);
      if (address.isUnresolved()) {
        throw new UnknownHostException(host);
      }
      channel = SocketChannel.open();
      // Connecting in blocking mode is what gives the timeout; reading is then switched to non-blocking.
      channel.socket().connect(address, (int) Math.min(Integer.MAX_VALUE, timeout.getMillis()));
      channel.configureBlocking(false);
      return new LineConnection(endpoint, channel, maxLineBytes);
    } catch (IOException e) {
      closeQuietly(channel);
      // No cause: runners and the command line show the root cause, and this message already says it all.
      throw new IOException("cannot connect to " + endpoint + ": " + reason(e, timeout));
    }
  }

  /** The short reason a connection attempt failed, e.g. {@code Connection refused}. */
  static String reason(IOException e, Duration timeout) {
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof SocketTimeoutException) {
      return "no answer within " + timeout.getMillis() + " ms";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * The next line, or null if no complete line has arrived yet or the connection has ended (see {@link
   * #ended}). Reads whatever the socket has, so a long line that arrives in many pieces takes one call,
   * not one per piece. A read error ends the connection like an end of stream; {@link #failure} keeps it.
   */
  LineSplitter.@Nullable Line poll() {
    while (!splitter.hasNext() && !streamEnded) {
      buffer.clear();
      int read;
      try {
        read = channel.read(buffer);
      } catch (IOException e) {
        failure = e;
        read = -1;
      }
      if (read == 0) {
        break;
      }
      if (read < 0) {
        streamEnded = true;
        splitter.endOfStream();
      } else {
        splitter.accept(buffer.array(), 0, read);
      }
    }
    return splitter.next();
  }

  /** True once the server closed the connection (or it broke) and every line it delivered was polled. */
  boolean ended() {
    return streamEnded && !splitter.hasNext();
  }

  /** Why the connection ended: the read error, or null for an orderly close by the server. */
  @Nullable IOException failure() {
    return failure;
  }

  String endpoint() {
    return endpoint;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static void closeQuietly(@Nullable SocketChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Never connected; nothing was read that could be lost.
      }
    }
  }
}
