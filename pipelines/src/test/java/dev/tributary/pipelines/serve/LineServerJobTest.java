package dev.tributary.pipelines.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.pipelines.cli.Tributary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary serve-lines} against real clients on 127.0.0.1; content and order, never timing. */
@Timeout(30)
class LineServerJobTest {
  private static final InputStream NO_STDIN = new ByteArrayInputStream(new byte[0]);

  @TempDir Path tmp;

  @Test
  void servesNumberedLinesInOrder() throws Exception {
    try (ServerRun server = ServerRun.start(NO_STDIN, "--rate=200", "--maxLines=5")) {
      List<String> lines = ServerRun.readAll(server.port());

      assertEquals(
          List.of("This is line 1", "This is line 2", "This is line 3", "This is line 4", "This is line 5"),
          lines);
      server.assertEnds(0, "serve-lines: sent 5 lines to 1 client; --maxLines reached");
    }
  }

  @Test
  void servesFilesOneAfterAnotherByteForByte() throws Exception {
    Path first = tmp.resolve("first.log");
    Path second = tmp.resolve("second.log");
    Path third = tmp.resolve("third.log");
    Files.writeString(first, "a1\r\na2\n");
    // Invalid UTF-8 goes out as it is: the server passes bytes on, it does not decode them.
    Files.write(second, new byte[] {'b', (byte) 0xFF, '\r', 'c'});
    Files.writeString(third, "d\n");

    try (ServerRun server =
        ServerRun.start(NO_STDIN, "--file=" + first + "," + second, "--file=" + third)) {
      byte[] received;
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
        received = socket.getInputStream().readAllBytes();
      }

      assertEquals("a1\na2\nb\uFFFD\nc\nd\n", new String(received, StandardCharsets.UTF_8));
      assertEquals((byte) 0xFF, received[7]);
      server.assertEnds(0, "serve-lines: sent 5 lines to 1 client; the input ended");
    }
  }

  @Test
  void servesStandardInput() throws Exception {
    InputStream stdin = new ByteArrayInputStream("typed\nlines\n".getBytes(StandardCharsets.UTF_8));
    try (ServerRun server = ServerRun.start(stdin, "--stdin")) {
      assertEquals(List.of("typed", "lines"), ServerRun.readAll(server.port()));
      server.assertEnds(0, "serve-lines: sent 2 lines to 1 client; the input ended");
    }
  }

  @Test
  void broadcastsEveryLineToEveryConnectedClient() throws Exception {
    PipedOutputStream typing = new PipedOutputStream();
    try (PipedInputStream stdin = new PipedInputStream(typing);
        ServerRun server = ServerRun.start(stdin, "--stdin");
        Socket first = new Socket(InetAddress.getLoopbackAddress(), server.port());
        Socket second = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      server.awaitLine("serve-lines: client");
      server.awaitLine("serve-lines: client");

      typing.write("one\ntwo\n".getBytes(StandardCharsets.UTF_8));
      typing.close();

      assertEquals(List.of("one", "two"), ServerRun.readAll(first));
      assertEquals(List.of("one", "two"), ServerRun.readAll(second));
      server.assertEnds(0, "serve-lines: sent 2 lines to 2 clients; the input ended");
    }
  }

  @Test
  void aConnectionProbeTakesNoLines() throws Exception {
    try (ServerRun server = ServerRun.start(NO_STDIN, "--rate=0", "--maxLines=2")) {
      // What SocketTextIO.checkReachable does before a job starts: connect and leave at once.
      new Socket(InetAddress.getLoopbackAddress(), server.port()).close();

      assertEquals(List.of("This is line 1", "This is line 2"), ServerRun.readAll(server.port()));
      server.assertEnds(0, "serve-lines: sent 2 lines to 1 client; --maxLines reached");
    }
  }

  @Test
  void stopsAfterTheDuration() throws Exception {
    try (ServerRun server = ServerRun.start(NO_STDIN, "--duration=300ms")) {
      server.assertEnds(0, "serve-lines: sent 0 lines to 0 clients; --duration passed");
    }
  }

  @Test
  void badOptionsGiveOneLine() throws Exception {
    assertOneLineError("--rate=-1", "tributary serve-lines: --rate=-1.0 is not a rate; give lines per second, 0 or more");
    assertOneLineError("--maxLines=0", "tributary serve-lines: --maxLines must be at least 1, got 0");
    assertOneLineError("--port=70000", "tributary serve-lines: --port=70000 is not a port; use 1 to 65535, or 0 for any free port");
    assertOneLineError(
        "--duration=soon",
        "tributary serve-lines: --duration=soon is not a duration; write it like 500ms, 30s, 5m, 1h or 1d");
    Path missing = tmp.resolve("missing.log");
    assertOneLineError("--file=" + missing, "tributary serve-lines: --file=" + missing + " is not a readable file");
    Path file = Files.writeString(tmp.resolve("present.log"), "x\n");
    assertOneLineError(
        new String[] {"--file=" + file, "--stdin"},
        "tributary serve-lines: --file and --stdin cannot be combined; pick one input");
  }

  @Test
  void aTakenPortGivesOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertOneLineError(
          "--port=" + port, "tributary serve-lines: cannot listen on 127.0.0.1:" + port + ": Address already in use");
    }
  }

  private static void assertOneLineError(String option, String expected) {
    assertOneLineError(new String[] {option}, expected);
  }

  private static void assertOneLineError(String[] options, String expected) {
    String[] args = new String[options.length + 1];
    args[0] = "serve-lines";
    System.arraycopy(options, 0, args, 1, options.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        Tributary.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(2, status);
    assertEquals(expected + "\n", err.toString(StandardCharsets.UTF_8));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }
}
