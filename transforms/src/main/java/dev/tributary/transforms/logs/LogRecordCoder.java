package dev.tributary.transforms.logs;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.VarInt;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * A compact, deterministic coder for {@link LogRecord}: field by field, no Java serialization.
 *
 * <p>Records are encoded very often: at every step on the Direct runner (its immutability and encodability
 * checks), at every fan-out and shuffle on Flink and Spark. So a record is written as one length-prefixed
 * block with a single write, and read back with a single read, rather than as a sequence of small writes
 * through the stream; the common methods and protocols take one byte between them, and decode to shared
 * constants.
 *
 * <pre>
 * block length (varint)
 * host (string) | timestamp millis (varlong) | shape (byte) | [method] | [endpoint] | [protocol]
 * | status (varint) | content size (varlong)
 * </pre>
 *
 * where a string is its UTF-8 length (varint) and bytes, and the shape byte holds the method code (bits
 * 0-2: none, 1-6 a known method, 7 written out), the protocol code (bits 3-4: none, 1-2 a known protocol, 3
 * written out) and whether there is an endpoint (bit 5).
 */
public final class LogRecordCoder extends AtomicCoder<LogRecord> {
  private static final LogRecordCoder INSTANCE = new LogRecordCoder();
  private static final String[] METHODS = {null, "GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS"};
  private static final int METHOD_WRITTEN = 7;
  private static final String[] PROTOCOLS = {null, "HTTP/1.1", "HTTP/1.0"};
  private static final int PROTOCOL_WRITTEN = 3;
  private static final int HAS_ENDPOINT = 1 << 5;
  /** Reused per thread: a record is encoded into it, then written in one call. */
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[512]);

  public static LogRecordCoder of() {
    return INSTANCE;
  }

  private LogRecordCoder() {}

  @Override
  public void encode(LogRecord r, OutputStream out) throws IOException {
    byte[] host = utf8(r.getHost());
    String methodName = r.getMethod();
    String protocolName = r.getProtocol();
    int method = code(METHODS, methodName, METHOD_WRITTEN);
    int protocol = code(PROTOCOLS, protocolName, PROTOCOL_WRITTEN);
    byte[] methodBytes = method == METHOD_WRITTEN ? utf8(methodName) : null;
    byte[] endpoint = r.getEndpoint() == null ? null : utf8(r.getEndpoint());
    byte[] protocolBytes = protocol == PROTOCOL_WRITTEN ? utf8(protocolName) : null;

    int bound = 5 + 10 + 1 + 5 + 10 + stringBound(host) + stringBound(methodBytes) + stringBound(endpoint)
        + stringBound(protocolBytes);
    byte[] buf = SCRATCH.get();
    if (buf.length < bound + 5) {
      buf = new byte[Math.max(bound + 5, buf.length * 2)];
      SCRATCH.set(buf);
    }
    // The payload is written after a 5-byte gap; its length then goes right before it.
    int start = 5;
    int p = start;
    p = putString(buf, p, host);
    p = putVarLong(buf, p, r.getTimestamp().getMillis());
    buf[p++] = (byte) (method | protocol << 3 | (endpoint == null ? 0 : HAS_ENDPOINT));
    if (methodBytes != null) {
      p = putString(buf, p, methodBytes);
    }
    if (endpoint != null) {
      p = putString(buf, p, endpoint);
    }
    if (protocolBytes != null) {
      p = putString(buf, p, protocolBytes);
    }
    p = putVarLong(buf, p, r.getStatus() & 0xFFFFFFFFL);
    p = putVarLong(buf, p, r.getContentSize());
    int length = p - start;
    int headerSize = VarInt.getLength(length);
    putVarLong(buf, start - headerSize, length);
    out.write(buf, start - headerSize, length + headerSize);
  }

  @Override
  public LogRecord decode(InputStream in) throws IOException {
    int length = VarInt.decodeInt(in);
    if (length < 0) {
      throw new CoderException("negative log record length " + length);
    }
    byte[] buf = new byte[length];
    int read = 0;
    while (read < length) {
      int n = in.read(buf, read, length - read);
      if (n < 0) {
        throw new EOFException("log record cut short: " + read + " of " + length + " bytes");
      }
      read += n;
    }
    Reader r = new Reader(buf);
    String host = r.string();
    Instant timestamp = new Instant(r.varLong());
    int shape = r.b();
    int method = shape & 7;
    int protocol = (shape >> 3) & 3;
    String methodName = method == METHOD_WRITTEN ? r.string() : known(METHODS, method);
    String endpoint = (shape & HAS_ENDPOINT) != 0 ? r.string() : null;
    String protocolName = protocol == PROTOCOL_WRITTEN ? r.string() : known(PROTOCOLS, protocol);
    int status = (int) r.varLong();
    long contentSize = r.varLong();
    if (r.pos != length) {
      throw new CoderException("log record block of " + length + " bytes has " + (length - r.pos) + " left over");
    }
    return new LogRecord(host, timestamp, methodName, endpoint, protocolName, status, contentSize);
  }

  @Override
  public void verifyDeterministic() {}

  /** Equal records encode to equal bytes and back, so equality can stand in for the encoding. */
  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  private static int code(String[] known, @Nullable String value, int written) {
    if (value == null) {
      return 0;
    }
    for (int i = 1; i < known.length; i++) {
      if (known[i].equals(value)) {
        return i;
      }
    }
    return written;
  }

  private static @Nullable String known(String[] known, int code) throws CoderException {
    if (code >= known.length) {
      throw new CoderException("unknown code " + code + " in a log record");
    }
    return known[code];
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int stringBound(byte @Nullable [] bytes) {
    return bytes == null ? 0 : 5 + bytes.length;
  }

  private static int putString(byte[] buf, int p, byte[] bytes) {
    p = putVarLong(buf, p, bytes.length);
    System.arraycopy(bytes, 0, buf, p, bytes.length);
    return p + bytes.length;
  }

  /** Beam's VarInt encoding (unsigned LEB128), into an array. */
  private static int putVarLong(byte[] buf, int p, long v) {
    while ((v & ~0x7FL) != 0) {
      buf[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[p++] = (byte) v;
    return p;
  }

  /** Reads the fields of one block. */
  private static final class Reader {
    private final byte[] buf;
    private int pos;

    Reader(byte[] buf) {
      this.buf = buf;
    }

    int b() throws CoderException {
      if (pos >= buf.length) {
        throw new CoderException("log record block ends early");
      }
      return buf[pos++] & 0xFF;
    }

    long varLong() throws CoderException {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = b();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw new CoderException("malformed varint in a log record");
    }

    String string() throws CoderException {
      long n = varLong();
      if (n < 0 || n > buf.length - pos) {
        throw new CoderException("string of " + n + " bytes overruns its log record");
      }
      String s = new String(buf, pos, (int) n, StandardCharsets.UTF_8);
      pos += (int) n;
      return s;
    }
  }
}
