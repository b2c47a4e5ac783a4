package dev.tributary.io.files;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.apache.beam.sdk.io.FileIO.ReadableFile;
import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileRanges} with {@link LinesOfFileRange}: every line exactly once, however the files are cut. */
class FileRangesTest {
  @TempDir Path dir;

  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void smallRangesGiveEveryLineOnceWhateverTheLineEnds() throws Exception {
    List<String> lines = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      String line = "line " + i + " " + "x".repeat(i % 37);
      lines.add(line);
      text.append(line).append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r");
    }
    text.append("last line without an end");
    lines.add("last line without an end");
    Files.writeString(dir.resolve("a.log"), text.toString(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("b.log"), "ü first\nsecond\n", StandardCharsets.UTF_8);
    lines.add("ü first");
    lines.add("second");

    PAssert.that(linesOf(FileRanges.of(dir + "/*.log").withRangeBytes(100))).containsInAnyOrder(lines);
    p.run().waitUntilFinish();
  }

  @Test
  void aCompressedFileIsReadWhole() throws Exception {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("c.log.gz")))) {
      out.write("one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8));
    }

    PAssert.that(linesOf(FileRanges.of(dir + "/*.gz").withRangeBytes(4))).containsInAnyOrder("one", "two", "three");
    p.run().waitUntilFinish();
  }

  @Test
  void failsWhenNothingMatches() {
    linesOf(FileRanges.of(dir + "/missing.log"));
    assertThrows(PipelineExecutionException.class, () -> p.run().waitUntilFinish());
  }

  private PCollection<String> linesOf(FileRanges ranges) {
    return p.apply(ranges).apply(ParDo.of(new EachLineFn()));
  }

  private static final class EachLineFn extends DoFn<KV<ReadableFile, OffsetRange>, String> {
    private final LinesOfFileRange lines = new LinesOfFileRange();

    @ProcessElement
    public void process(@Element KV<ReadableFile, OffsetRange> range, OutputReceiver<String> out) throws Exception {
      lines.forEach(range, out::output);
    }
  }
}
