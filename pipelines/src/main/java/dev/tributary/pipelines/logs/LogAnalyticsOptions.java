package dev.tributary.pipelines.logs;

import dev.tributary.io.s3.TributaryS3Options;
import dev.tributary.transforms.logs.TimeMode;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of the {@code logs} job; {@code tributary logs --help} prints them. */
public interface LogAnalyticsOptions extends TributaryS3Options {
  @Description(
      "Access logs to read (Common or Combined format): a directory (every file in it), a file, "
          + "a glob such as 'logs/*.log', an s3://bucket/prefix/, or tcp://host:port to read lines from "
          + "a socket (like nc -lk; always streaming). Relative paths start at the directory you run from.")
  @Default.String("data/logs")
  String getInput();

  void setInput(String value);

  @Description(
      "Keep watching the input directory and process new files as they appear, like "
          + "spark.readStream.text(dir). Write files elsewhere and rename them in; names starting "
          + "with '.' or '_' are ignored. Stop with Ctrl-C.")
  @Default.Boolean(false)
  boolean getFollow();

  void setFollow(boolean value);

  @Description(
      "Follow mode: stop once no new file has appeared for this long (e.g. 30s), after closing every "
          + "window; useful in scripts. By default follow mode runs until stopped.")
  String getStopAfterIdle();

  void setStopAfterIdle(String value);

  @Description("Follow mode: how often to look for new files.")
  @Default.String("2s")
  String getPollInterval();

  void setPollInterval(String value);

  @Description(
      "EVENT: place each request at the time written in its log line. PROCESSING: at the time the "
          + "job reads it, like the seeds' current_timestamp().")
  @Default.Enum("EVENT")
  TimeMode getTimeMode();

  void setTimeMode(TimeMode value);

  @Description("How many endpoints to rank per window.")
  @Default.Integer(10)
  int getTopN();

  void setTopN(int value);

  @Description("Length of each endpoint window, e.g. 30s.")
  @Default.String("30s")
  String getWindowSize();

  void setWindowSize(String value);

  @Description("How often a new endpoint window starts, e.g. 10s. At most the window size.")
  @Default.String("10s")
  String getWindowSlide();

  void setWindowSlide(String value);

  @Description(
      "How far behind the watermark a request may arrive and still update its windows (a late "
          + "firing). Later requests are dropped and counted.")
  @Default.String("0s")
  String getAllowedLateness();

  void setAllowedLateness(String value);

  @Description(
      "Follow mode, event time: how far the watermark trails the newest request time seen, "
          + "i.e. how out of order the logs may be before a request counts as late.")
  @Default.String("10s")
  String getWatermarkLag();

  void setWatermarkLag(String value);

  @Description(
      "Follow mode: how often the running status counts and not-yet-closed windows are printed "
          + "(processing time).")
  @Default.String("5s")
  String getUpdateInterval();

  void setUpdateInterval(String value);

  @Description("Console: at most this many rows per table, like Spark's numRows.")
  @Default.Integer(20)
  int getNumRows();

  void setNumRows(int value);

  @Description("Console: cut cells longer than 20 characters, like Spark's truncate.")
  @Default.Boolean(true)
  boolean getTruncate();

  void setTruncate(boolean value);

  @Description(
      "Also write results as JSON Lines files starting with this path prefix: "
          + "<prefix>-status_counts, <prefix>-top_endpoints and <prefix>-rejected_lines (.jsonl).")
  String getOutput();

  void setOutput(String value);

  @Description(
      "Also write the status counts and endpoint rankings to files named per window and pane, like "
          + "Spark's saveAsTextFiles: <prefix>-<query>-<window start>-<window end>[-<pane>].jsonl.")
  String getWindowedFiles();

  void setWindowedFiles(String value);

  @Description(
      "Also upsert the results into a database: a JDBC URL such as jdbc:h2:file:./out/tributary "
          + "(embedded, no server) or jdbc:postgresql://127.0.0.1:5432/db. Tables status_counts and "
          + "top_endpoints keep one row per key and window (complete mode).")
  String getJdbcUrl();

  void setJdbcUrl(String value);

  @Description("Database user for --jdbcUrl.")
  String getJdbcUser();

  void setJdbcUser(String value);

  @Description("Database password for --jdbcUrl; prefer the PGPASSWORD-style settings of your driver.")
  String getJdbcPassword();

  void setJdbcPassword(String value);
}
