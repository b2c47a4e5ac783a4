package dev.tributary.pipelines.events;

import dev.tributary.io.s3.TributaryS3Options;
import dev.tributary.pipelines.common.JdbcOptions;
import dev.tributary.pipelines.common.OutputModeOptions;
import dev.tributary.pipelines.common.ResultOptions;
import dev.tributary.pipelines.common.StreamInputOptions;
import org.apache.beam.sdk.options.Description;

/** Options of the {@code json-activity} job; {@code tributary json-activity --help} prints them. */
public interface JsonActivityOptions
    extends TributaryS3Options, StreamInputOptions, ResultOptions, JdbcOptions, OutputModeOptions {
  @Description(
      "JSON Lines of activity events {\"activity_type\": ..., \"activity_time\": \"yyyy-MM-dd HH:mm:ss\" "
          + "(UTC) or ISO-8601, \"activity_count\": n}: a directory, file, glob, s3://bucket/prefix/, or "
          + "tcp://host:port (always streaming). Default: data/events/log.json")
  String getInput();

  void setInput(String value);
}
