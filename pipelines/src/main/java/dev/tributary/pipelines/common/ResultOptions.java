package dev.tributary.pipelines.common;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where a job's result tables go besides the console, and how the console shows them. */
public interface ResultOptions extends PipelineOptions {
  // No @Default on these two: jobs differ (most show 20 rows, truncated, as Spark does), and Beam refuses
  // one option with two defaults in one JVM. ResultSinks applies each job's default.
  @Description("Console: at most this many rows per table, like Spark's numRows. Default: 20, unless the job says otherwise.")
  Integer getNumRows();

  void setNumRows(Integer value);

  @Description(
      "Console: cut cells longer than 20 characters, like Spark's truncate. Default: true, unless the job "
          + "says otherwise.")
  Boolean getTruncate();

  void setTruncate(Boolean value);

  @Description(
      "Also write every result table as JSON Lines files starting with this path prefix, one per "
          + "result: <prefix>-<result>.jsonl (streaming: one file per flush).")
  String getOutput();

  void setOutput(String value);

  @Description(
      "Streaming: how often results that keep changing (running totals, windows not yet closed) are "
          + "shown again, and how often --output files are flushed (processing time).")
  @Default.String("5s")
  String getUpdateInterval();

  void setUpdateInterval(String value);
}
