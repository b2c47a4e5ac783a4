package dev.tributary.pipelines.common;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How a job reads its {@code --input} as a stream: following a directory, or from a tcp:// socket. */
public interface StreamInputOptions extends PipelineOptions {
  @Description(
      "Keep watching the input directory and process new files as they appear, like "
          + "spark.readStream.text(dir). Write files elsewhere and rename them in; names starting "
          + "with '.' or '_' are ignored. Stop with Ctrl-C.")
  @Default.Boolean(false)
  boolean getFollow();

  void setFollow(boolean value);

  @Description(
      "Follow mode or tcp:// input: stop once no new input has arrived for this long (e.g. 30s), after "
          + "closing every window; useful in scripts. By default a stream runs until stopped.")
  String getStopAfterIdle();

  void setStopAfterIdle(String value);

  @Description("Follow mode: how often to look for new files.")
  @Default.String("2s")
  String getPollInterval();

  void setPollInterval(String value);

  @Description(
      "Follow mode or tcp:// input, event time: how far the watermark trails the newest event time "
          + "seen, i.e. how out of order the input may be before an event counts as late.")
  @Default.String("10s")
  String getWatermarkLag();

  void setWatermarkLag(String value);
}
