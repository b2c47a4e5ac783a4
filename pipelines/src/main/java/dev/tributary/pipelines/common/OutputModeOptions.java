package dev.tributary.pipelines.common;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Spark's output modes and triggers, for jobs that aggregate. */
public interface OutputModeOptions extends PipelineOptions {
  @Description(
      "append: each window once, when it is final (needs windows in event time). update: at each "
          + "firing, the keys that changed. complete: at each firing, the whole result table.")
  @Default.String("update")
  String getOutputMode();

  void setOutputMode(String value);

  @Description(
      "When results fire: 'default' (as soon as new data is processed), 'processingTime=<duration>' "
          + "(e.g. processingTime=5s), 'once' or 'availableNow' (once, when the input is used up).")
  @Default.String("default")
  String getTrigger();

  void setTrigger(String value);
}
