package dev.tributary.pipelines.hashtags;

import dev.tributary.io.s3.TributaryS3Options;
import dev.tributary.pipelines.common.JdbcOptions;
import dev.tributary.pipelines.common.OutputModeOptions;
import dev.tributary.pipelines.common.ResultOptions;
import dev.tributary.pipelines.common.StreamInputOptions;
import dev.tributary.transforms.logs.TimeMode;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Options of the {@code trending-hashtags} job; {@code tributary trending-hashtags --help} prints them.
 * Defaults that differ between jobs sharing an option name are applied in code (see {@link
 * TrendingHashtagsPipeline}), not by {@code @Default}.
 */
public interface TrendingHashtagsOptions
    extends TributaryS3Options, StreamInputOptions, ResultOptions, JdbcOptions, OutputModeOptions {
  @Description(
      "Tweets to read, one per line: a directory (every file in it), a file, a glob, an s3://bucket/prefix/, "
          + "or tcp://host:port to read lines from a socket (always streaming). In EVENT time each line "
          + "starts with its time, e.g. '2024-06-01T12:00:03Z loving #beam'. Default: data/hashtags")
  String getInput();

  void setInput(String value);

  @Description(
      "EVENT: place each tweet at the ISO-8601 time it starts with (lines without one are rejected and "
          + "counted per reason). PROCESSING: at the time the job reads it, like Spark's DStreams (a leading "
          + "time is then ignored). Default: EVENT for files, PROCESSING for tcp://")
  TimeMode getTimeMode();

  void setTimeMode(TimeMode value);

  @Description("Length of each window, e.g. 300s; a multiple of the slide. Default: 300s")
  String getWindowSize();

  void setWindowSize(String value);

  @Description("How often a new window starts (and a ranking is shown), e.g. 1s. Default: 1s")
  String getWindowSlide();

  void setWindowSlide(String value);

  @Description("How many hashtags to rank per window.")
  @Default.Integer(10)
  int getTopN();

  void setTopN(int value);

  @Description("Count hashtags regardless of case ('#Beam' and '#beam' are one tag).")
  @Default.Boolean(false)
  boolean getLowerCase();

  void setLowerCase(boolean value);
}
