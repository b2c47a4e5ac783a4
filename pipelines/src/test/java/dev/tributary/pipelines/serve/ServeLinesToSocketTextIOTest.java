package dev.tributary.pipelines.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.io.socket.SocketTextIO;
import dev.tributary.transforms.common.CounterTotals;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The socket source fed by {@code serve-lines}, the way the two are meant to be used together. */
@Timeout(60)
class ServeLinesToSocketTextIOTest {
  @Test
  void aPipelineReadsExactlyTheLinesServed() throws Exception {
    try (ServerRun server =
        ServerRun.start(new ByteArrayInputStream(new byte[0]), "--rate=0", "--maxLines=300")) {
      // As a command line would: check first, then build and run the pipeline.
      SocketTextIO.checkReachable("127.0.0.1", server.port(), Duration.standardSeconds(2));
      TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

      PCollection<String> lines =
          p.apply("Read", SocketTextIO.read().from("127.0.0.1", server.port()).stopWhenServerCloses());

      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= 300; i++) {
        expected.add("This is line " + i);
      }
      PAssert.that(lines).containsInAnyOrder(expected);
      PipelineResult result = p.run();
      result.waitUntilFinish();
      assertEquals(300, CounterTotals.of(result, SocketTextIO.NAMESPACE, SocketTextIO.LINES_READ));
      server.assertEnds(0, "serve-lines: sent 300 lines to 1 client; --maxLines reached");
    }
  }
}
