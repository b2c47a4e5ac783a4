package dev.tributary.io.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.Socket;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.util.CoderUtils;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** Drives the reader the way runners do when they replace it, without a pipeline. */
class SocketLinesReaderTest {
  private static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();

  @Test
  void aResumedReaderTakesOverTheConnectionAndTheLinesAlreadyInIt() throws Exception {
    try (TestServer server =
        TestServer.start(
            s -> {
              Socket client = s.accept();
              TestServer.send(client, "1\n2\n3\n4\n");
              TestServer.awaitClientClose(client);
            })) {
      SocketLinesSource source = SocketTextIO.read().from("127.0.0.1", server.port()).toSource();
      SocketLinesReader first = source.createReader(OPTIONS, null);
      assertEquals("1", firstLine(first));
      assertEquals("2", nextLine(first));
      SocketCheckpoint checkpoint =
          CoderUtils.clone(source.getCheckpointMarkCoder(), first.getCheckpointMark());
      first.close();

      SocketLinesReader second = source.createReader(OPTIONS, checkpoint);

      assertEquals("3", firstLine(second));
      assertEquals("4", nextLine(second));
      assertEquals(1, server.acceptedClients());
      second.close();
    }
  }

  @Test
  void aReaderResumedWithoutAConnectionToTakeOverConnectsAfresh() throws Exception {
    try (TestServer server =
        TestServer.start(
            s -> {
              Socket client = s.accept();
              TestServer.send(client, "fresh\n");
              TestServer.awaitClientClose(client);
            })) {
      SocketLinesSource source = SocketTextIO.read().from("127.0.0.1", server.port()).toSource();
      SocketCheckpoint elsewhere =
          new SocketCheckpoint("a reader in another JVM", BoundedWindow.TIMESTAMP_MIN_VALUE, null);

      SocketLinesReader reader = source.createReader(OPTIONS, elsewhere);

      assertEquals("fresh", firstLine(reader));
      reader.close();
    }
  }

  @Test
  void aResumedReaderBacksOffInsteadOfFailingWhenTheServerIsDown() throws Exception {
    int port = TestServer.closedPort();
    SocketLinesSource source = SocketTextIO.read().from("127.0.0.1", port).toSource();
    Instant watermark = Instant.parse("2024-06-01T12:00:00Z");

    SocketLinesReader reader =
        source.createReader(OPTIONS, new SocketCheckpoint("gone", watermark, null));

    assertFalse(reader.start());
    assertFalse(reader.advance());
    reader.close();
  }

  @Test
  void finishedReadHasTheMaximumWatermark() throws Exception {
    try (TestServer server =
        TestServer.start(
            s -> {
              try (Socket client = s.accept()) {
                TestServer.send(client, "last\n");
              }
            })) {
      SocketLinesReader reader =
          SocketTextIO.read().from("127.0.0.1", server.port()).stopWhenServerCloses().toSource()
              .createReader(OPTIONS, null);
      assertEquals("last", firstLine(reader));
      long deadline = System.currentTimeMillis() + 5_000;
      while (!reader.getWatermark().equals(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
        assertFalse(reader.advance());
        if (System.currentTimeMillis() > deadline) {
          fail("the read did not finish when the server closed");
        }
        Thread.sleep(10);
      }
      reader.close();
    }
  }

  private static String firstLine(SocketLinesReader reader) throws IOException, InterruptedException {
    return reader.start() ? reader.getCurrent() : nextLine(reader);
  }

  /** Calls advance() until a line comes, as a runner would, for at most five seconds. */
  private static String nextLine(SocketLinesReader reader) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000;
    while (!reader.advance()) {
      if (System.currentTimeMillis() > deadline) {
        fail("no line within 5 s");
      }
      Thread.sleep(5);
    }
    return reader.getCurrent();
  }
}
