package dev.tributary.pipelines.csv;

import dev.tributary.pipelines.cli.Job;
import dev.tributary.pipelines.common.JobRun;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.pipelines.events.LineCounts;
import dev.tributary.transforms.events.ParseEventLines;
import java.io.PrintStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/** {@code tributary csv-events}: runs {@link CsvEventsPipeline}; in the CSV modes, says how many rows it read. */
public final class CsvEventsJob implements Job<CsvEventsOptions> {
  @Override
  public String name() {
    return "csv-events";
  }

  @Override
  public String description() {
    return "CSV user events: counts per event type (--mode=csv-agg), the rows (csv-log), or a socket word count (socket).";
  }

  @Override
  public Class<CsvEventsOptions> optionsClass() {
    return CsvEventsOptions.class;
  }

  @Override
  public int run(CsvEventsOptions options, PrintStream out) {
    Pipeline p = Pipeline.create(options);
    LineInput input = CsvEventsPipeline.build(p, options);
    PipelineResult result = JobRun.run(p, name(), input.describe(), input.streaming(), out);
    if (CsvMode.parse(options.getMode()) != CsvMode.SOCKET) {
      out.printf("%s: %s%n", name(), LineCounts.describe(result, ParseEventLines.USER_EVENTS_NAMESPACE));
    }
    return 0;
  }
}
