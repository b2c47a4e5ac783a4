package dev.tributary.pipelines.logs;

import dev.tributary.io.s3.TributaryS3Options;
import dev.tributary.pipelines.common.JdbcOptions;
import dev.tributary.pipelines.common.ResultOptions;
import dev.tributary.pipelines.common.StreamInputOptions;
import dev.tributary.transforms.logs.TimeMode;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of the {@code logs} job; {@code tributary logs --help} prints them. */
public interface LogAnalyticsOptions
    extends TributaryS3Options, StreamInputOptions, ResultOptions, JdbcOptions {
  @Description(
      "Access logs to read (Common or Combined format): a directory (every file in it), a file, "
          + "a glob such as 'logs/*.log', an s3://bucket/prefix/, or tcp://host:port to read lines from "
          + "a socket (like nc -lk; always streaming). Relative paths start at the directory you run from. "
          + "Default: data/logs")
  String getInput();

  void setInput(String value);

  // No @Default on timeMode, windowSize and windowSlide: other jobs share these names with other
  // defaults, and Beam refuses a property with a default in one interface only. LogAnalyticsSettings
  // applies the defaults.
  @Description(
      "EVENT: place each request at the time written in its log line. PROCESSING: at the time the "
          + "job reads it, like the seeds' current_timestamp(). Default: EVENT")
  TimeMode getTimeMode();

  void setTimeMode(TimeMode value);

  @Description("How many endpoints to rank per window.")
  @Default.Integer(10)
  int getTopN();

  void setTopN(int value);

  @Description("Length of each endpoint window, e.g. 30s. Default: 30s")
  String getWindowSize();

  void setWindowSize(String value);

  @Description("How often a new endpoint window starts, e.g. 10s. At most the window size. Default: 10s")
  String getWindowSlide();

  void setWindowSlide(String value);

  @Description(
      "How far behind the watermark a request may arrive and still update its windows (a late "
          + "firing). Later requests are dropped and counted.")
  @Default.String("0s")
  String getAllowedLateness();

  void setAllowedLateness(String value);

  @Description(
      "Also write the status counts and endpoint rankings to files named per window and pane, like "
          + "Spark's saveAsTextFiles: <prefix>-<query>-<window start>-<window end>[-<pane>].jsonl.")
  String getWindowedFiles();

  void setWindowedFiles(String value);

}
