package dev.tributary.pipelines.joins;

import dev.tributary.pipelines.cli.RunnerLimits;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The Spark runner's streaming mode runs unbounded sources only; a join that reads a file once next to a
 * stream (the players table of {@code join-static}, or one file input of {@code join-streams}) cannot be
 * translated there, so it is refused at start with the runners that can run it.
 */
final class BoundedReadsOnSpark {
  private BoundedReadsOnSpark() {}

  static void check(PipelineOptions options, String what) {
    if (RunnerLimits.isSpark(options)) {
      throw new IllegalArgumentException(
          what + " is read once (a bounded read) next to a stream, which the Spark runner's streaming mode "
              + "cannot run (unbounded sources only); use --runner=FlinkRunner or DirectRunner, or read every "
              + "input once");
    }
  }
}
