package dev.tributary.pipelines.common;

import dev.tributary.pipelines.cli.RunnerLimits;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.modes.TriggerSpec;

/**
 * A job's {@code --outputMode} and {@code --trigger}, checked against Spark's rules for what the job
 * computes.
 *
 * <p>On a one-time read of files the {@code default} trigger becomes {@code once}: the result fires when
 * the input is used up, as a Spark batch query shows its result once. Firing per bundle instead would
 * show partial totals whose number depends on how the runner splits the files. An explicit
 * {@code processingTime} trigger is kept.
 */
public record Aggregation(OutputMode mode, TriggerSpec trigger) {
  /**
   * @param eventTimeWindows whether the job aggregates per event-time window (append mode needs it)
   */
  public static Aggregation from(OutputModeOptions o, boolean streaming, boolean eventTimeWindows) {
    OutputMode mode = OutputMode.parse(o.getOutputMode());
    mode.checkAggregation(eventTimeWindows);
    TriggerSpec trigger = TriggerSpec.parse(o.getTrigger());
    RunnerLimits.checkTrigger(o, streaming, trigger);
    if (!streaming && trigger.getKind() == TriggerSpec.Kind.DEFAULT) {
      trigger = TriggerSpec.once();
    }
    return new Aggregation(mode, trigger);
  }
}
