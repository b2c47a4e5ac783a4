package dev.tributary.pipelines.filters;

import dev.tributary.io.s3.TributaryS3Options;
import dev.tributary.pipelines.common.OutputModeOptions;
import dev.tributary.pipelines.common.ResultOptions;
import dev.tributary.pipelines.common.StreamInputOptions;
import org.apache.beam.sdk.options.Description;

/**
 * Options of the {@code filter-lines} job; {@code tributary filter-lines --help} prints them. No database
 * sink: filtered lines have no key to upsert by.
 */
public interface FilterLinesOptions
    extends TributaryS3Options, StreamInputOptions, ResultOptions, OutputModeOptions {
  @Description(
      "Text to read: a directory (every file in it), a file, a glob, an s3://bucket/prefix/, or "
          + "tcp://host:port to read lines from a socket (always streaming). Default: data/words")
  String getInput();

  void setInput(String value);

  @Description(
      "Keep the lines containing this text (case-sensitive, anywhere in the line). Default: error, unless "
          + "--longerThan is given")
  String getContaining();

  void setContaining(String value);

  @Description(
      "Keep the lines longer than this many characters (spaces included). With --containing, a line must "
          + "pass both. Default: no length test")
  Integer getLongerThan();

  void setLongerThan(Integer value);
}
