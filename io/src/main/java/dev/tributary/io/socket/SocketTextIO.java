package dev.tributary.io.socket;

import java.io.IOException;
import java.util.Objects;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Reads the lines a TCP server sends, as an unbounded {@link PCollection}: Spark's {@code
 * readStream.format("socket")} and {@code socketTextStream}, for testing and demos.
 *
 * <pre>{@code
 * SocketTextIO.checkReachable("127.0.0.1", 9999, Duration.standardSeconds(5)); // fail fast, one line
 * PCollection<String> lines = p.apply("ReadSocket",
 *     SocketTextIO.read()
 *         .from("127.0.0.1", 9999)
 *         .withTimestampFn(line -> parseTime(line))
 *         .withWatermarkLag(Duration.standardSeconds(10))
 *         .withReconnectBackoff(Duration.millis(500), Duration.standardSeconds(30)));
 * }</pre>
 *
 * <p>It is a classic {@link org.apache.beam.sdk.io.UnboundedSource}, not a splittable DoFn, so that the
 * classic Spark runner in streaming mode can run it, as well as the Direct and Flink runners. The
 * connection is one ordered stream, so the source never splits: one reader with one connection reads
 * everything, and the transforms after it bring the parallelism. Serve from something that accepts a
 * client again after the previous one left ({@code nc -lk}, {@code tributary serve-lines}), or
 * reconnecting cannot work.
 *
 * <h3>Not replayable</h3>
 *
 * <p>Like Spark's socket source, this source cannot replay anything. Its checkpoint holds no lines and
 * no position, only the watermark state and an id: lines the server sent that are not yet covered by a
 * checkpoint the runner committed are lost when a worker fails, and whatever the server sends while
 * no connection is open never reaches the pipeline. Use it where losing lines is acceptable (tests,
 * demos); use a replayable source otherwise.
 *
 * <p>Runners also close healthy readers and resume from the last checkpoint (the Direct runner after
 * one bundle in twenty, the Spark runner when its reader cache expires). Within one JVM the open
 * connection is handed to the resuming reader, with the lines already received, so nothing is lost and
 * the server sees no reconnect; a connection not taken over within 60 s is closed. A reader resumed in
 * another JVM connects afresh.
 *
 * <h3>Connecting and reconnecting</h3>
 *
 * <ul>
 *   <li>The first reader connects when it starts, waiting at most {@link Read#withConnectTimeout}
 *       (default 5 s). If that fails the read fails, and with it the job, with the message {@code
 *       cannot connect to 127.0.0.1:9999: Connection refused}. Command lines can give the same message
 *       before building a pipeline with {@link #checkReachable}.
 *   <li>When the connection ends, because the server closed it or because it broke, this counts once
 *       in {@value #NAMESPACE}/{@value #DISCONNECTS}, a warning is logged, and the reader reconnects
 *       with exponential backoff: the first attempt {@code initial} after the drop, each further one
 *       after twice the previous wait, at most {@code max} (default 500 ms and 30 s, {@link
 *       Read#withReconnectBackoff}). Failed attempts are not disconnects. Connecting blocks the reader
 *       for at most the connect timeout; waiting between attempts does not block it.
 *   <li>Give-up: after {@link Read#withMaxReconnectAttempts} consecutive failed attempts (default: no
 *       limit) the read fails with {@code gave up reconnecting after N attempts: cannot connect to ...},
 *       which fails the job. With 0 the first drop fails it. A successful reconnect resets the count.
 *   <li>A reader resumed from a checkpoint without a connection to take over connects at once; if that
 *       fails it backs off as after a drop instead of failing the job.
 * </ul>
 *
 * <h3>Lines</h3>
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, which may arrive split across packets;
 * the terminator is not part of the line and an empty line is a line. Whatever arrives after the last
 * terminator when a connection ends is emitted as a last line, as {@code TextIO} does at the end of a
 * file, even when the connection broke and the line may be cut short. Bytes are decoded as UTF-8;
 * malformed bytes become U+FFFD rather than failing the read. A line longer than {@link
 * Read#withMaxLineLength} bytes (default 16 MiB) is cut to that many bytes (at a character boundary),
 * emitted, counted in {@value #LINES_TRUNCATED} and logged, so that a server that never sends a line
 * break cannot exhaust the worker's memory. Every emitted line counts in {@value #LINES_READ}.
 *
 * <h3>Timestamps and watermark</h3>
 *
 * <ul>
 *   <li>Processing time (the default): each line is stamped with the reader's clock when it is read
 *       (never earlier than a line before it, should the clock step back). The watermark is the
 *       current time: the timestamp of the last line, and the reader's clock whenever nothing is
 *       waiting. No line is ever late. The watermark lag is not used.
 *   <li>Event time, with {@link Read#withTimestampFn}: each line is stamped with the function's result.
 *       A line for which it returns {@code null} takes the timestamp of the previous line (raised to
 *       the watermark if that line was behind it; the watermark itself if there is no previous line),
 *       so the source itself never emits late data. The watermark is the largest timestamp seen minus
 *       {@link Read#withWatermarkLag} (default 10 s); it never moves back, never goes below {@link
 *       BoundedWindow#TIMESTAMP_MIN_VALUE}, and does not advance while no lines arrive. Lines older
 *       than the watermark are emitted as they are and may be late downstream.
 *   <li>When the read finishes (below) the watermark jumps to {@link
 *       BoundedWindow#TIMESTAMP_MAX_VALUE}, closing every window.
 * </ul>
 *
 * <h3>Finishing</h3>
 *
 * <p>By default the read never ends: Ctrl-C or cancelling the job stops it. For tests and scripts,
 * {@link Read#stopWhenIdleFor} finishes it once no line has arrived for that long (connected or not),
 * and {@link Read#stopWhenServerCloses} finishes it when the connection ends instead of reconnecting.
 */
public final class SocketTextIO {
  public static final String NAMESPACE = "tributary.io";
  public static final String LINES_READ = "socket_lines_read";
  public static final String DISCONNECTS = "socket_disconnects";
  public static final String LINES_TRUNCATED = "socket_lines_truncated";

  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.standardSeconds(5);
  static final Duration DEFAULT_INITIAL_BACKOFF = Duration.millis(500);
  static final Duration DEFAULT_MAX_BACKOFF = Duration.standardSeconds(30);
  static final int DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;
  static final Duration DEFAULT_WATERMARK_LAG = Duration.standardSeconds(10);

  private SocketTextIO() {}

  /** A read with every setting at its default; {@link Read#from} must still be given. */
  public static Read read() {
    return new Read(SocketReadSpec.defaults());
  }

  /**
   * Connects to {@code host:port} and disconnects at once, so that a command line can reject an
   * unreachable server in one line before it builds a pipeline. Note that the server sees this as a
   * client that came and went: a server that accepts only one client ({@code nc -l} without {@code
   * -k}) is gone afterwards.
   *
   * @throws IllegalArgumentException {@code cannot connect to 127.0.0.1:9999: Connection refused}
   */
  public static void checkReachable(String host, int port, Duration timeout) {
    checkEndpoint(host, port);
    checkPositive(timeout, "connect timeout");
    try {
      LineConnection.open(host, port, timeout, 1).close();
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The read transform; see {@link SocketTextIO} for its semantics. Immutable. */
  public static final class Read extends PTransform<PBegin, PCollection<String>> {
    private final SocketReadSpec spec;

    private Read(SocketReadSpec spec) {
      this.spec = spec;
    }

    /** The server to read from. */
    public Read from(String host, int port) {
      checkEndpoint(host, port);
      return new Read(spec.withEndpoint(host, port));
    }

    /** How long one connection attempt may take before it counts as failed. Default 5 s. */
    public Read withConnectTimeout(Duration timeout) {
      checkPositive(timeout, "connect timeout");
      return new Read(spec.withConnectTimeout(timeout));
    }

    /**
     * The wait before the first reconnect attempt after a drop, doubled after each failed attempt up
     * to {@code max}. Default 500 ms and 30 s.
     */
    public Read withReconnectBackoff(Duration initial, Duration max) {
      checkPositive(initial, "initial backoff");
      checkPositive(max, "max backoff");
      if (max.isShorterThan(initial)) {
        throw new IllegalArgumentException(
            "max backoff " + max + " is shorter than the initial backoff " + initial);
      }
      return new Read(spec.withBackoff(initial, max));
    }

    /**
     * Fails the read after this many consecutive failed reconnect attempts; 0 fails it at the first
     * drop. Default: never give up.
     */
    public Read withMaxReconnectAttempts(int attempts) {
      if (attempts < 0) {
        throw new IllegalArgumentException(
            "max reconnect attempts must not be negative, got " + attempts);
      }
      return new Read(spec.withMaxReconnectAttempts(attempts));
    }

    /** Lines longer than this many bytes are cut to it and counted. Default 16 MiB. */
    public Read withMaxLineLength(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("max line length must be positive, got " + bytes);
      }
      return new Read(spec.withMaxLineBytes(bytes));
    }

    /**
     * Takes each line's event time from the line; {@code null} means the line has no readable time.
     * The function must be serializable: a static nested class or a lambda that captures nothing else.
     * It should return {@code null} rather than throw: an exception fails the read.
     */
    public Read withTimestampFn(SerializableFunction<String, @Nullable Instant> fn) {
      Objects.requireNonNull(fn, "timestampFn");
      return new Read(spec.withTimestampFn(fn));
    }

    /** With a timestamp function, the watermark trails the largest timestamp by this. Default 10 s. */
    public Read withWatermarkLag(Duration lag) {
      Objects.requireNonNull(lag, "watermark lag");
      if (lag.isShorterThan(Duration.ZERO)) {
        throw new IllegalArgumentException("watermark lag must not be negative, got " + lag);
      }
      return new Read(spec.withWatermarkLag(lag));
    }

    /** Finishes the read once no line has arrived for this long. Default: never finish. */
    public Read stopWhenIdleFor(Duration idle) {
      checkPositive(idle, "idle duration");
      return new Read(spec.withStopWhenIdleFor(idle));
    }

    /** Finishes the read when the connection ends, instead of reconnecting. */
    public Read stopWhenServerCloses() {
      return new Read(spec.withStopWhenServerCloses());
    }

    @Override
    public PCollection<String> expand(PBegin input) {
      return input.apply(org.apache.beam.sdk.io.Read.from(toSource()));
    }

    /** The source this transform reads; package-private so that tests can drive its reader. */
    SocketLinesSource toSource() {
      if (spec.host() == null) {
        throw new IllegalStateException("SocketTextIO.read() needs from(host, port)");
      }
      return new SocketLinesSource(spec);
    }
  }

  private static void checkEndpoint(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
    }
  }

  private static void checkPositive(Duration duration, String what) {
    Objects.requireNonNull(duration, what);
    if (!duration.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException(what + " must be longer than zero, got " + duration);
    }
  }
}
