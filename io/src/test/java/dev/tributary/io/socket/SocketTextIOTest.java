package dev.tributary.io.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.transforms.common.CounterTotals;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reify;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@link SocketTextIO} in Direct-runner pipelines against real servers on 127.0.0.1. Each read
 * ends by itself: when the server closes ({@code stopWhenServerCloses}) or after a quiet spell
 * ({@code stopWhenIdleFor}). The timeout turns a read that never ends into a failure, not a hung build.
 */
@Timeout(60)
class SocketTextIOTest {
  private static final Duration FAST = Duration.millis(50);

  private static TestPipeline pipeline() {
    return TestPipeline.create().enableAbandonedNodeEnforcement(false);
  }

  private static SocketTextIO.Read readUntilClosed(TestServer server) {
    return SocketTextIO.read().from("127.0.0.1", server.port()).stopWhenServerCloses();
  }

  @Test
  void readsExactlyTheLinesTheServerSends() throws Exception {
    // Thousands of lines: the Direct runner replaces its reader after one bundle (10 lines) in twenty,
    // and the connection must pass to the new reader without losing what was in it.
    List<String> expected = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 2_000; i++) {
      expected.add("This is line " + i);
      text.append("This is line ").append(i).append('\n');
    }
    try (TestServer server =
        TestServer.start(
            s -> {
              try (Socket client = s.accept()) {
                TestServer.send(client, text.toString());
              }
            })) {
      TestPipeline p = pipeline();

      PCollection<String> lines = p.apply("Read", readUntilClosed(server));

      PAssert.that(lines).containsInAnyOrder(expected);
      PipelineResult result = p.run();
      result.waitUntilFinish();
      assertEquals(2_000, counter(result, SocketTextIO.LINES_READ));
      assertEquals(1, counter(result, SocketTextIO.DISCONNECTS));
      assertEquals(1, server.acceptedClients());
    }
  }

  @Test
  void splitsAtEveryLineTerminatorEvenAcrossPackets() throws Exception {
    try (TestServer server =
        TestServer.start(
            s -> {
              try (Socket client = s.accept()) {
                TestServer.send(client, "one\r\ntwo\rthree\n\nfour\r");
                Thread.sleep(100);
                // The \n completes the \r\n begun in the packet before: no empty line between.
                TestServer.send(client, "\nfive\r");
                Thread.sleep(100);
                TestServer.send(client, "\r\nsix");
              }
            })) {
      TestPipeline p = pipeline();

      PCollection<String> lines = p.apply("Read", readUntilClosed(server));

      PAssert.that(lines).containsInAnyOrder("one", "two", "three", "", "four", "five", "", "six");
      p.run().waitUntilFinish();
    }
  }

  @Test
  void replacesMalformedUtf8WithReplacementCharacters() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("café ok\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {'b', 'a', 'd', ' ', (byte) 0xFF, (byte) 0xFE, ' ', 'e', 'n', 'd', '\n'});
    bytes.writeBytes(new byte[] {'c', 'u', 't', ' ', (byte) 0xE2, (byte) 0x82, '\n'});
    try (TestServer server =
        TestServer.start(
            s -> {
              try (Socket client = s.accept()) {
                TestServer.send(client, bytes.toByteArray());
              }
            })) {
      TestPipeline p = pipeline();

      PCollection<String> lines = p.apply("Read", readUntilClosed(server));

      PAssert.that(lines).containsInAnyOrder("café ok", "bad \uFFFD\uFFFD end", "cut \uFFFD");
      p.run().waitUntilFinish();
    }
  }

  @Test
  void emitsATenMegabyteLineWhole() throws Exception {
    String huge = "x".repeat(10 * 1024 * 1024);
    try (TestServer server =
        TestServer.start(
            s -> {
              try (Socket client = s.accept()) {
                TestServer.send(client, "before\n" + huge + "\nafter\n");
              }
            })) {
      TestPipeline p = pipeline();

      PCollection<String> lines =
          p.apply("Read", readUntilClosed(server)).apply("Describe", ParDo.of(new DescribeFn()));

      PAssert.that(lines).containsInAnyOrder("before", "10485760 chars of x", "after");
      PipelineResult result = p.run();
      result.waitUntilFinish();
      assertEquals(3, counter(result, SocketTextIO.LINES_READ));
      assertEquals(0, counter(result, SocketTextIO.LINES_TRUNCATED));
    }
  }

  @Test
  void cutsLinesOverTheLimitAtACharacterBoundaryAndCountsThem() throws Exception {
    // 999 ASCII bytes, then two-byte characters: the 1000-byte limit falls inside the first of them,
    // which must be left out whole rather than decoded as U+FFFD.
    String huge = "x".repeat(999) + "é".repeat(5 * 1024 * 1024);
    try (TestServer server =
        TestServer.start(
            s -> {
              try (Socket client = s.accept()) {
                TestServer.send(client, huge + "\nshort\n");
              }
            })) {
      TestPipeline p = pipeline();

      PCollection<String> lines =
          p.apply("Read", readUntilClosed(server).withMaxLineLength(1000))
              .apply("Describe", ParDo.of(new DescribeFn()));

      PAssert.that(lines).containsInAnyOrder("999 chars of x", "short");
      PipelineResult result = p.run();
      result.waitUntilFinish();
      assertEquals(2, counter(result, SocketTextIO.LINES_READ));
      assertEquals(1, counter(result, SocketTextIO.LINES_TRUNCATED));
    }
  }

  @Test
  void failsInOneClearLineWhenTheServerIsUnreachableAtStart() throws Exception {
    int port = TestServer.closedPort();
    TestPipeline p = pipeline();
    p.apply("Read", SocketTextIO.read().from("127.0.0.1", port));

    // The Direct runner wraps what the reader threw; the command line shows the root cause.
    RuntimeException e = assertThrows(RuntimeException.class, () -> p.run().waitUntilFinish());

    assertEquals("cannot connect to 127.0.0.1:" + port + ": Connection refused", rootCause(e).getMessage());
  }

  @Test
  void checkReachableGivesTheSameLineBeforeAnyPipeline() throws Exception {
    int port = TestServer.closedPort();

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SocketTextIO.checkReachable("127.0.0.1", port, Duration.standardSeconds(1)));

    assertEquals("cannot connect to 127.0.0.1:" + port + ": Connection refused", e.getMessage());
  }

  @Test
  void checkReachablePassesForAListeningServer() throws Exception {
    try (TestServer server = TestServer.start(s -> s.accept().close())) {
      SocketTextIO.checkReachable("127.0.0.1", server.port(), Duration.standardSeconds(1));
    }
  }

  @Test
  void reconnectsWhenTheServerGoesAwayAndComesBack() throws Exception {
    try (TestServer server =
        TestServer.start(
            s -> {
              try (Socket client = s.accept()) {
                TestServer.send(client, "before 1\nbefore 2\n");
                s.stopListening();
              }
              // Refused attempts meanwhile; they are not disconnects.
              Thread.sleep(400);
              s.listenAgain();
              Socket client = s.accept();
              TestServer.send(client, "after 1\nafter 2\n");
              TestServer.awaitClientClose(client);
            })) {
      TestPipeline p = pipeline();

      PCollection<String> lines =
          p.apply(
              "Read",
              SocketTextIO.read()
                  .from("127.0.0.1", server.port())
                  .withReconnectBackoff(FAST, Duration.millis(200))
                  // Well past the server's absence, so a slow machine does not end the read early.
                  .stopWhenIdleFor(Duration.millis(2_500)));

      PAssert.that(lines).containsInAnyOrder("before 1", "before 2", "after 1", "after 2");
      PipelineResult result = p.run();
      result.waitUntilFinish();
      assertEquals(1, counter(result, SocketTextIO.DISCONNECTS));
      assertEquals(4, counter(result, SocketTextIO.LINES_READ));
      assertEquals(2, server.acceptedClients());
    }
  }

  @Test
  void givesUpAfterTheMaximumNumberOfReconnectAttempts() throws Exception {
    try (TestServer server =
        TestServer.start(
            s -> {
              try (Socket client = s.accept()) {
                TestServer.send(client, "only line\n");
                s.stopListening();
              }
            })) {
      TestPipeline p = pipeline();
      p.apply(
          "Read",
          SocketTextIO.read()
              .from("127.0.0.1", server.port())
              .withReconnectBackoff(FAST, FAST)
              .withMaxReconnectAttempts(2));

      RuntimeException e = assertThrows(RuntimeException.class, () -> p.run().waitUntilFinish());

      assertEquals(
          "gave up reconnecting after 2 attempts: cannot connect to 127.0.0.1:"
              + server.port()
              + ": Connection refused",
          rootCause(e).getMessage());
    }
  }

  @Test
  void stampsLinesWithTheTimeTheFunctionReads() throws Exception {
    try (TestServer server =
        TestServer.start(
            s -> {
              try (Socket client = s.accept()) {
                TestServer.send(
                    client,
                    "2024-05-01T10:00:00Z GET /a\n"
                        + "no time here\n"
                        + "2024-05-01T10:00:07Z GET /b\n"
                        + "2024-05-01T10:00:03Z GET /c\n");
              }
            })) {
      TestPipeline p = pipeline();

      PCollection<TimestampedValue<String>> stamped =
          p.apply("Read", readUntilClosed(server).withTimestampFn(new LeadingInstantFn()))
              .apply("Reify", Reify.timestamps());

      PAssert.that(stamped)
          .containsInAnyOrder(
              TimestampedValue.of("2024-05-01T10:00:00Z GET /a", at("2024-05-01T10:00:00Z")),
              TimestampedValue.of("no time here", at("2024-05-01T10:00:00Z")),
              TimestampedValue.of("2024-05-01T10:00:07Z GET /b", at("2024-05-01T10:00:07Z")),
              TimestampedValue.of("2024-05-01T10:00:03Z GET /c", at("2024-05-01T10:00:03Z")));
      p.run().waitUntilFinish();
    }
  }

  @Test
  void stampsLinesWithTheTimeTheyAreReadByDefault() throws Exception {
    Instant before = Instant.now();
    try (TestServer server =
        TestServer.start(
            s -> {
              try (Socket client = s.accept()) {
                TestServer.send(client, "a\nb\n");
              }
            })) {
      TestPipeline p = pipeline();

      PCollection<TimestampedValue<String>> stamped =
          p.apply("Read", readUntilClosed(server)).apply("Reify", Reify.timestamps());

      PAssert.that(stamped)
          .satisfies(
              values -> {
                Instant now = Instant.now();
                int count = 0;
                for (TimestampedValue<String> value : values) {
                  assertTrue(
                      !value.getTimestamp().isBefore(before) && !value.getTimestamp().isAfter(now),
                      value + " not stamped between " + before + " and " + now);
                  count++;
                }
                assertEquals(2, count);
                return null;
              });
      p.run().waitUntilFinish();
    }
  }

  @Test
  void refusesToExpandWithoutAServer() {
    TestPipeline p = pipeline();

    assertThrows(IllegalStateException.class, () -> p.apply(SocketTextIO.read()));
  }

  @Test
  void rejectsBadSettingsWithOneLine() {
    IllegalArgumentException port =
        assertThrows(IllegalArgumentException.class, () -> SocketTextIO.read().from("127.0.0.1", 0));
    assertEquals("port must be between 1 and 65535, got 0", port.getMessage());
    IllegalArgumentException backoff =
        assertThrows(
            IllegalArgumentException.class,
            () -> SocketTextIO.read().withReconnectBackoff(Duration.standardSeconds(2), Duration.standardSeconds(1)));
    assertEquals("max backoff PT1S is shorter than the initial backoff PT2S", backoff.getMessage());
    IllegalArgumentException attempts =
        assertThrows(IllegalArgumentException.class, () -> SocketTextIO.read().withMaxReconnectAttempts(-1));
    assertEquals("max reconnect attempts must not be negative, got -1", attempts.getMessage());
  }

  /** Shortens long lines to their length and, if they are all one letter, that letter. */
  static final class DescribeFn extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String line, OutputReceiver<String> out) {
      if (line.length() <= 100) {
        out.output(line);
      } else if (line.chars().allMatch(c -> c == line.charAt(0))) {
        out.output(line.length() + " chars of " + line.charAt(0));
      } else {
        out.output(line.length() + " mixed chars");
      }
    }
  }

  /** The ISO-8601 instant a line starts with, or null. */
  static final class LeadingInstantFn implements SerializableFunction<String, @Nullable Instant> {
    @Override
    public @Nullable Instant apply(String line) {
      int space = line.indexOf(' ');
      try {
        return Instant.parse(space < 0 ? line : line.substring(0, space));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }

  private static long counter(PipelineResult result, String name) {
    return CounterTotals.of(result, SocketTextIO.NAMESPACE, name);
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }
}
