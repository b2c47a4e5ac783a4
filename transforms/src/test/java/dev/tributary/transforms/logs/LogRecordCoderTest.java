package dev.tributary.transforms.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class LogRecordCoderTest {
  private static final Instant T = Instant.parse("2024-06-01T12:00:00Z");
  private static final List<LogRecord> RECORDS =
      List.of(
          new LogRecord("10.0.0.1", T, "GET", "/index.html", "HTTP/1.1", 200, 5120),
          new LogRecord("h", T, "POST", "/api?q=ä€😀", "HTTP/1.0", 404, 0),
          new LogRecord("::1", T, null, null, null, 408, 0),
          new LogRecord("host", T, "GET", "/", null, 200, 1),
          new LogRecord("host", T, "PROPFIND", "/dav/", "HTTP/2.0", 207, Long.MAX_VALUE),
          new LogRecord("3_343_lt_someone", new Instant(-86_400_000L), "BREW", "x y \"z\"", "HTTP/0.9", -1, 12),
          new LogRecord("x".repeat(3000), T, "DELETE", "/" + "e".repeat(5000), "HTTP/1.1", 500, 7));

  @Test
  void roundTripsEveryShapeOfRecord() throws Exception {
    for (LogRecord r : RECORDS) {
      CoderProperties.coderDecodeEncodeEqual(LogRecordCoder.of(), r);
      CoderProperties.coderDeterministic(LogRecordCoder.of(), r, r);
      CoderProperties.coderConsistentWithEquals(LogRecordCoder.of(), r, RECORDS.get(0));
    }
  }

  @Test
  void readsExactlyItsOwnBytesWhenNested() throws Exception {
    ListCoder<KV<LogRecord, String>> nested = ListCoder.of(KvCoder.of(LogRecordCoder.of(), StringUtf8Coder.of()));
    List<KV<LogRecord, String>> value = RECORDS.stream().map(r -> KV.of(r, "after")).toList();
    assertEquals(value, CoderUtils.clone(nested, value));
  }

  @Test
  void knownMethodsAndProtocolsDecodeToSharedConstants() throws Exception {
    LogRecord copy = CoderUtils.clone(LogRecordCoder.of(), RECORDS.get(0));
    assertSame("GET", copy.getMethod());
    assertSame("HTTP/1.1", copy.getProtocol());
  }

  @Test
  void aCutShortRecordIsAnError() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LogRecordCoder.of().encode(RECORDS.get(0), out);
    byte[] bytes = out.toByteArray();
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
    assertThrows(java.io.IOException.class, () -> LogRecordCoder.of().decode(new ByteArrayInputStream(cut)));
    byte[] garbage = {3, 1, 2, 3};
    assertThrows(CoderException.class, () -> LogRecordCoder.of().decode(new ByteArrayInputStream(garbage)));
  }
}
