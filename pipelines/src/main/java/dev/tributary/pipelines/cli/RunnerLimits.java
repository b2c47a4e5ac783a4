package dev.tributary.pipelines.cli;

import dev.tributary.transforms.modes.TriggerSpec;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Runner limits a job must design around, checked before it runs so that a combination a runner cannot
 * honour fails at once with the limit and a runner that would work, instead of misbehaving later. Runners
 * are recognised by class name, so this module needs none of them on its class path.
 */
public final class RunnerLimits {
  private RunnerLimits() {}

  public static boolean isSpark(PipelineOptions options) {
    return options.getRunner().getSimpleName().contains("SparkRunner");
  }

  /**
   * Spark's classic runner in streaming mode never ends a job by itself: even once the watermark has reached
   * the end, the streaming context runs until the process is stopped.
   */
  public static void checkStreamingEnds(PipelineOptions options, String option) {
    if (isSpark(options)) {
      throw new IllegalArgumentException(
          option + " needs the job to end when its input does; the Spark runner's streaming mode never "
              + "ends a job by itself. Stop it with Ctrl-C, or use --runner=FlinkRunner or DirectRunner");
    }
  }

  /**
   * Periodic flushes re-group results after the aggregation; on Spark's streaming mode the last panes (fired
   * when the watermark jumps to the end) are dropped there as late, so files would miss final results.
   */
  public static void checkStreamingFlushes(PipelineOptions options, String option) {
    if (isSpark(options)) {
      throw new IllegalArgumentException(
          option + " in streaming mode loses the final panes on the Spark runner (they arrive late at the "
              + "flush's grouping); use the console or --jdbcUrl, or --runner=FlinkRunner or DirectRunner");
    }
  }

  /**
   * A {@code processingTime} trigger never fired on the classic Spark runner in streaming mode (measured:
   * nothing printed in 150 s over 199 micro-batches, where the default trigger printed at once).
   */
  public static void checkTrigger(PipelineOptions options, boolean streaming, TriggerSpec trigger) {
    if (streaming && isSpark(options) && trigger.getKind() == TriggerSpec.Kind.PROCESSING_TIME) {
      throw new IllegalArgumentException(
          "--trigger=" + trigger + " never fires on the Spark runner's streaming mode; use --trigger=default "
              + "(each micro-batch), or --runner=FlinkRunner or DirectRunner");
    }
  }
}
