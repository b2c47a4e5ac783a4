package dev.tributary.pipelines.csv;

import dev.tributary.io.s3.TributaryS3Options;
import dev.tributary.pipelines.common.JdbcOptions;
import dev.tributary.pipelines.common.OutputModeOptions;
import dev.tributary.pipelines.common.ResultOptions;
import dev.tributary.pipelines.common.StreamInputOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of the {@code csv-events} job; {@code tributary csv-events --help} prints them. */
public interface CsvEventsOptions
    extends TributaryS3Options, StreamInputOptions, ResultOptions, JdbcOptions, OutputModeOptions {
  @Description(
      "csv-agg: count the user events per event type since the start. csv-log: show the rows as they are "
          + "read. socket: count words in the lines of the socket --host:--port (the seeds' nc -lk word "
          + "count). Default: csv-agg")
  String getMode();

  void setMode(String value);

  @Description(
      "csv-agg and csv-log: CSV files of user events 'timestamp,user_id,event' (a header line is skipped): "
          + "a directory (with --follow, new files as they appear, e.g. from generate-csv), file, glob or "
          + "s3://bucket/prefix/. Default: data/csv")
  String getInput();

  void setInput(String value);

  @Description("socket mode: the host to read lines from.")
  @Default.String("127.0.0.1")
  String getHost();

  void setHost(String value);

  @Description("socket mode: the port to read lines from.")
  @Default.Integer(9999)
  int getPort();

  void setPort(int value);
}
