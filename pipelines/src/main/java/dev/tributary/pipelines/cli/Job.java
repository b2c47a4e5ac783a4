package dev.tributary.pipelines.cli;

import java.io.PrintStream;
import org.apache.beam.sdk.options.PipelineOptions;

/** A command of the {@code tributary} entry point: a name, a one-line description, its options, and how to run it. */
public interface Job<O extends PipelineOptions> {
  String name();

  String description();

  Class<O> optionsClass();

  /**
   * Runs the job and returns the process exit code. Throws {@link IllegalArgumentException} for a bad
   * option value, with a message fit to show the user as is.
   */
  int run(O options, PrintStream out) throws Exception;
}
