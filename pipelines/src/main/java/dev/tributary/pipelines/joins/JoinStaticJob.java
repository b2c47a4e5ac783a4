package dev.tributary.pipelines.joins;

import dev.tributary.pipelines.cli.Job;
import dev.tributary.pipelines.common.JobRun;
import dev.tributary.pipelines.events.LineCounts;
import dev.tributary.transforms.common.CounterTotals;
import dev.tributary.transforms.joins.JoinStreamsPerWindow;
import dev.tributary.transforms.joins.JoinType;
import dev.tributary.transforms.joins.ParseJoinRows;
import java.io.PrintStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/** {@code tributary join-static}: runs {@link JoinStaticPipeline} and accounts for every play it read. */
public final class JoinStaticJob implements Job<JoinStaticOptions> {
  @Override
  public String name() {
    return "join-static";
  }

  @Override
  public String description() {
    return "Stream-static join of plays with the players table (players.csv) as a side input, inner or left outer.";
  }

  @Override
  public Class<JoinStaticOptions> optionsClass() {
    return JoinStaticOptions.class;
  }

  @Override
  public int run(JoinStaticOptions options, PrintStream out) {
    Pipeline p = Pipeline.create(options);
    JoinJobInputs inputs = JoinStaticPipeline.build(p, options);
    PipelineResult result = JobRun.run(p, name(), inputs.describe(), inputs.streaming(), out);
    out.printf(
        "%s: plays: %s; players: %s%n",
        name(),
        LineCounts.describe(result, ParseJoinRows.PLAYS_NAMESPACE),
        LineCounts.describe(result, ParseJoinRows.PLAYERS_NAMESPACE));
    out.printf(
        "%s: %d plays joined with their player; %d plays of players not in the table (%s)%n",
        name(),
        CounterTotals.of(result, JoinStreamsPerWindow.NAMESPACE, JoinStreamsPerWindow.JOINED_PAIRS),
        CounterTotals.of(result, JoinStreamsPerWindow.NAMESPACE, JoinStreamsPerWindow.UNMATCHED_LEFT),
        JoinStaticPipeline.joinType(options.getJoinType()) == JoinType.INNER
            ? "dropped by the inner join"
            : "emitted with a null age");
    return 0;
  }
}
