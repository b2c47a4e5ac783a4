package dev.tributary.transforms.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** A compact, deterministic coder for {@link LogRecord}: field by field, no Java serialization. */
public final class LogRecordCoder extends AtomicCoder<LogRecord> {
  private static final LogRecordCoder INSTANCE = new LogRecordCoder();
  private static final Coder<String> STRING = StringUtf8Coder.of();
  private static final Coder<String> OPTIONAL_STRING = NullableCoder.of(StringUtf8Coder.of());

  public static LogRecordCoder of() {
    return INSTANCE;
  }

  private LogRecordCoder() {}

  @Override
  public void encode(LogRecord r, OutputStream out) throws IOException {
    STRING.encode(r.getHost(), out);
    InstantCoder.of().encode(r.getTimestamp(), out);
    OPTIONAL_STRING.encode(r.getMethod(), out);
    OPTIONAL_STRING.encode(r.getEndpoint(), out);
    OPTIONAL_STRING.encode(r.getProtocol(), out);
    VarIntCoder.of().encode(r.getStatus(), out);
    VarLongCoder.of().encode(r.getContentSize(), out);
  }

  @Override
  public LogRecord decode(InputStream in) throws IOException {
    return new LogRecord(
        STRING.decode(in),
        InstantCoder.of().decode(in),
        OPTIONAL_STRING.decode(in),
        OPTIONAL_STRING.decode(in),
        OPTIONAL_STRING.decode(in),
        VarIntCoder.of().decode(in),
        VarLongCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
