package dev.tributary.pipelines.words;

import dev.tributary.io.s3.TributaryS3Options;
import dev.tributary.pipelines.common.JdbcOptions;
import dev.tributary.pipelines.common.OutputModeOptions;
import dev.tributary.pipelines.common.ResultOptions;
import dev.tributary.pipelines.common.StreamInputOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of the {@code word-count} job; {@code tributary word-count --help} prints them. */
public interface WordCountOptions
    extends TributaryS3Options, StreamInputOptions, ResultOptions, JdbcOptions, OutputModeOptions {
  @Description(
      "Text to read: a directory (every file in it), a file, a glob, an s3://bucket/prefix/, or "
          + "tcp://host:port to read lines from a socket, like the seeds' nc -lk 9999 (always streaming). "
          + "Default: data/words")
  String getInput();

  void setInput(String value);

  @Description("Count words regardless of case ('Spark' and 'spark' are one word).")
  @Default.Boolean(false)
  boolean getLowerCase();

  void setLowerCase(boolean value);
}
