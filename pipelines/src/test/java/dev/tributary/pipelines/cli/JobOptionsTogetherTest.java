package dev.tributary.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * Beam keeps one options registry per JVM and refuses a property that registered interfaces declare with
 * different defaults, or with a default in some and none in others. Every job's options are registered side
 * by side (the command line does it one job at a time, but a test run or the parity suite runs them all in
 * one JVM), so jobs sharing an option name (input, timeMode, windowSize, topN...) must agree on it.
 */
class JobOptionsTogetherTest {
  @Test
  void everyJobsOptionsRegisterWithEveryOtherJobs() {
    Tributary.jobs().forEach(job -> PipelineOptionsFactory.register(job.optionsClass()));
    for (Job<?> job : Tributary.jobs()) {
      assertDoesNotThrow(() -> PipelineOptionsFactory.fromArgs().withValidation().as(job.optionsClass()), job.name());
    }
  }
}
