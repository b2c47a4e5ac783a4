package dev.tributary.pipelines.words;

import dev.tributary.io.s3.TributaryS3Options;
import dev.tributary.pipelines.common.JdbcOptions;
import dev.tributary.pipelines.common.OutputModeOptions;
import dev.tributary.pipelines.common.ResultOptions;
import dev.tributary.pipelines.common.StreamInputOptions;
import dev.tributary.transforms.logs.TimeMode;
import org.apache.beam.sdk.options.Description;

/**
 * Options of the {@code windowed-word-count} job; {@code tributary windowed-word-count --help} prints them.
 * Defaults that differ between jobs sharing an option name are applied in code (see {@link
 * WindowedWordCountPipeline}), not by {@code @Default}.
 */
public interface WindowedWordCountOptions
    extends TributaryS3Options, StreamInputOptions, ResultOptions, JdbcOptions, OutputModeOptions {
  @Description(
      "Text to read: a directory (every file in it), a file, a glob, an s3://bucket/prefix/, or "
          + "tcp://host:port to read lines from a socket (always streaming). In EVENT time each line starts "
          + "with its time, e.g. '2024-06-01T12:00:03Z some words'. Default: data/words/timed")
  String getInput();

  void setInput(String value);

  @Description(
      "EVENT: window each line by the ISO-8601 time it starts with (lines without one are rejected and "
          + "counted per reason). PROCESSING: by the time the job reads it, like Spark's DStreams (a leading "
          + "time is then ignored). Default: EVENT for files, PROCESSING for tcp://")
  TimeMode getTimeMode();

  void setTimeMode(TimeMode value);

  @Description("Length of each window, e.g. 20s (the seeds' reduceByKeyAndWindow window). Default: 20s")
  String getWindowSize();

  void setWindowSize(String value);

  @Description("How often a new window starts, e.g. 10s; at most the window size. Default: 10s")
  String getWindowSlide();

  void setWindowSlide(String value);
}
