package dev.tributary.pipelines.cli;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.PipelineRunner;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Named like Spark's runner so that {@link RunnerLimits} treats it as one, without Spark on the test class
 * path; the checks under test reject the job before anything runs.
 */
public final class StandInSparkRunner extends PipelineRunner<PipelineResult> {
  public static StandInSparkRunner fromOptions(PipelineOptions options) {
    return new StandInSparkRunner();
  }

  @Override
  public PipelineResult run(Pipeline pipeline) {
    throw new UnsupportedOperationException("a stand-in: RunnerLimits should have rejected the job");
  }
}
