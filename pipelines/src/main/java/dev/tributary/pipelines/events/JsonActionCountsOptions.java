package dev.tributary.pipelines.events;

import dev.tributary.io.s3.TributaryS3Options;
import dev.tributary.pipelines.common.JdbcOptions;
import dev.tributary.pipelines.common.OutputModeOptions;
import dev.tributary.pipelines.common.ResultOptions;
import dev.tributary.pipelines.common.StreamInputOptions;
import org.apache.beam.sdk.options.Description;

/**
 * Options of the {@code json-action-counts} job; {@code tributary json-action-counts --help} prints them.
 * {@code --jdbcUrl} defaults to {@value JsonActionCountsPipeline#DEFAULT_JDBC_URL} for this job.
 */
public interface JsonActionCountsOptions
    extends TributaryS3Options, StreamInputOptions, ResultOptions, JdbcOptions, OutputModeOptions {
  @Description(
      "JSON Lines of device actions {\"time\": <epoch seconds or ISO-8601>, \"action\": \"Open\"|\"Close\"}: "
          + "a directory, file, glob, s3://bucket/prefix/, or tcp://host:port (always streaming). The counts "
          + "go to --jdbcUrl, by default the embedded H2 database jdbc:h2:file:./out/tributary, table "
          + "action_counts. Default: data/events/actions.json")
  String getInput();

  void setInput(String value);
}
