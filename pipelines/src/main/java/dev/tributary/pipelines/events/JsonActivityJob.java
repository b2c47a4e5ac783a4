package dev.tributary.pipelines.events;

import dev.tributary.pipelines.cli.Job;
import dev.tributary.pipelines.common.JobRun;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.transforms.events.ParseEventLines;
import java.io.PrintStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/** {@code tributary json-activity}: runs {@link JsonActivityPipeline} and says how many lines it read. */
public final class JsonActivityJob implements Job<JsonActivityOptions> {
  @Override
  public String name() {
    return "json-activity";
  }

  @Override
  public String description() {
    return "Sums JSON activity_count per activity_type over 1-day windows sliding every hour, in window order.";
  }

  @Override
  public Class<JsonActivityOptions> optionsClass() {
    return JsonActivityOptions.class;
  }

  @Override
  public int run(JsonActivityOptions options, PrintStream out) {
    Pipeline p = Pipeline.create(options);
    LineInput input = JsonActivityPipeline.build(p, options);
    PipelineResult result = JobRun.run(p, name(), input.describe(), input.streaming(), out);
    out.printf("%s: %s%n", name(), LineCounts.describe(result, ParseEventLines.ACTIVITY_NAMESPACE));
    return 0;
  }
}
