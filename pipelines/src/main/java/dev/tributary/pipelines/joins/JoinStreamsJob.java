package dev.tributary.pipelines.joins;

import dev.tributary.pipelines.cli.Job;
import dev.tributary.pipelines.common.JobRun;
import dev.tributary.pipelines.events.LineCounts;
import dev.tributary.transforms.common.CounterTotals;
import dev.tributary.transforms.joins.JoinStreamsPerWindow;
import dev.tributary.transforms.joins.ParseJoinRows;
import java.io.PrintStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/** {@code tributary join-streams}: runs {@link JoinStreamsPipeline} and accounts for every row it read. */
public final class JoinStreamsJob implements Job<JoinStreamsOptions> {
  @Override
  public String name() {
    return "join-streams";
  }

  @Override
  public String description() {
    return "Stream-stream inner join of plays and persons (player = person) per event-time window; "
        + "unmatched and late rows are counted.";
  }

  @Override
  public Class<JoinStreamsOptions> optionsClass() {
    return JoinStreamsOptions.class;
  }

  @Override
  public int run(JoinStreamsOptions options, PrintStream out) {
    Pipeline p = Pipeline.create(options);
    JoinJobInputs inputs = JoinStreamsPipeline.build(p, options);
    PipelineResult result = JobRun.run(p, name(), inputs.describe(), inputs.streaming(), out);
    out.printf(
        "%s: plays: %s; persons: %s%n",
        name(),
        LineCounts.describe(result, ParseJoinRows.PLAYS_NAMESPACE),
        LineCounts.describe(result, ParseJoinRows.PERSONS_NAMESPACE));
    out.printf(
        "%s: %d pairs joined; without a partner in their window: %d plays, %d persons; dropped as too late: %d%n",
        name(),
        joinCounter(result, JoinStreamsPerWindow.JOINED_PAIRS),
        joinCounter(result, JoinStreamsPerWindow.UNMATCHED_LEFT),
        joinCounter(result, JoinStreamsPerWindow.UNMATCHED_RIGHT),
        DroppedRows.in(result, JoinStreamsPipeline.JOIN_STEP));
    return 0;
  }

  private static long joinCounter(PipelineResult result, String name) {
    return CounterTotals.of(result, JoinStreamsPerWindow.NAMESPACE, name);
  }
}
