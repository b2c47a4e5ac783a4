package dev.tributary.pipelines.words;

import dev.tributary.io.s3.TributaryS3Options;
import dev.tributary.pipelines.common.JdbcOptions;
import dev.tributary.pipelines.common.OutputModeOptions;
import dev.tributary.pipelines.common.ResultOptions;
import dev.tributary.pipelines.common.StreamInputOptions;
import org.apache.beam.sdk.options.Description;

/** Options of the {@code running-word-count} job; {@code tributary running-word-count --help} prints them. */
public interface RunningWordCountOptions
    extends TributaryS3Options, StreamInputOptions, ResultOptions, JdbcOptions, OutputModeOptions {
  @Description(
      "Text to read: a directory (every file in it), a file, a glob, an s3://bucket/prefix/, or "
          + "tcp://host:port to read lines from a socket (always streaming). Files are one batch. "
          + "Default: data/words")
  String getInput();

  void setInput(String value);

  @Description(
      "Forget a word that has not occurred for this long (processing time, e.g. 10m), so that state does "
          + "not grow forever; if it occurs again its total restarts from 0. Default: never forget")
  String getIdleExpiry();

  void setIdleExpiry(String value);
}
