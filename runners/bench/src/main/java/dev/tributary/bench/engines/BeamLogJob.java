package dev.tributary.bench.engines;

import dev.tributary.bench.ResultLines;
import dev.tributary.io.files.FileRanges;
import dev.tributary.io.files.LinesOfFileRange;
import dev.tributary.transforms.logs.AnalyzeAccessLogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * The job on a Beam runner, built from the product's transforms as the {@code logs} job wires them
 * ({@code AnalyzeAccessLogs} with its defaults: request time, top 10 endpoints over 30 s every 10 s), plus a
 * count of the dead letters. Only the sink differs: the results go to text files as {@link
 * ResultLines} instead of console tables.
 */
public final class BeamLogJob implements LogJob {
  private final String[] runnerArgs;

  /** @param runnerArgs Beam pipeline options choosing and configuring the runner */
  public BeamLogJob(String... runnerArgs) {
    this.runnerArgs = runnerArgs.clone();
  }

  @Override
  public void run(Path input, Path scratch) {
    PipelineOptions options = PipelineOptionsFactory.fromArgs(runnerArgs).withValidation().create();
    Pipeline p = Pipeline.create(options);
    build(p, input.toString(), scratch.resolve("results").toString());
    PipelineResult.State state = p.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("pipeline ended in state " + state);
    }
  }

  /** The job: read, parse, time, count and rank, then write result lines under {@code outputPrefix}. */
  public static void build(Pipeline p, String input, String outputPrefix) {
    AnalyzeAccessLogs.Result analyzed =
        p.apply("CutLogFiles", FileRanges.of(input))
            .apply("AnalyzeAccessLogs", AnalyzeAccessLogs.create().withLinesOf(new LinesOfFileRange()));

    PCollection<String> statusLines = analyzed.statusCounts().apply("StatusLines", ParDo.of(new StatusLinesFn()));
    PCollection<String> topLines =
        analyzed
            .topEndpoints()
            .apply("RankLines", ParDo.of(new RankLinesFn()))
            .apply(
                "Unwindow",
                Window.<String>into(new GlobalWindows())
                    .triggering(DefaultTrigger.of())
                    .withAllowedLateness(Duration.ZERO)
                    .discardingFiredPanes());
    PCollection<String> rejectedLines =
        analyzed
            .deadLetters()
            .apply("CountRejected", Count.globally())
            .apply("RejectedLine", MapElements.into(TypeDescriptors.strings()).via(ResultLines::rejected));

    PCollectionList.of(statusLines)
        .and(topLines)
        .and(rejectedLines)
        .apply("AllResults", Flatten.pCollections())
        .apply("WriteResults", TextIO.write().to(outputPrefix).withSuffix(".txt"));
  }

  @Override
  public List<String> results(Path scratch) throws IOException {
    List<String> lines = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(scratch, "results*.txt")) {
      for (Path f : files) {
        lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  private static final class StatusLinesFn extends DoFn<Map<Integer, Long>, String> {
    @ProcessElement
    public void process(@Element Map<Integer, Long> counts, OutputReceiver<String> out) {
      counts.forEach((status, n) -> out.output(ResultLines.status(status, n)));
    }
  }

  private static final class RankLinesFn extends DoFn<List<KV<String, Long>>, String> {
    @ProcessElement
    public void process(
        @Element List<KV<String, Long>> ranked, BoundedWindow window, OutputReceiver<String> out) {
      long start = ((IntervalWindow) window).start().getMillis();
      for (int i = 0; i < ranked.size(); i++) {
        out.output(ResultLines.top(start, i + 1, ranked.get(i).getKey(), ranked.get(i).getValue()));
      }
    }
  }
}
