package dev.tributary.io.files;

import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The unbounded source behind {@link WatchedTextIO.Read}: the settings of one watched directory. See
 * {@link WatchedTextIO} for the semantics.
 */
final class WatchedFilesSource extends UnboundedSource<String, WatchedFilesCheckpoint> {
  private static final long serialVersionUID = 1L;

  private final String filepattern;
  private final Duration pollInterval;
  private final int maxFilesPerPoll;
  private final @Nullable SerializableFunction<String, @Nullable Instant> timestampFn;
  private final Duration watermarkLag;
  private final @Nullable Duration stopWhenIdleFor;

  WatchedFilesSource(
      String filepattern,
      Duration pollInterval,
      int maxFilesPerPoll,
      @Nullable SerializableFunction<String, @Nullable Instant> timestampFn,
      Duration watermarkLag,
      @Nullable Duration stopWhenIdleFor) {
    this.filepattern = filepattern;
    this.pollInterval = pollInterval;
    this.maxFilesPerPoll = maxFilesPerPoll;
    this.timestampFn = timestampFn;
    this.watermarkLag = watermarkLag;
    this.stopWhenIdleFor = stopWhenIdleFor;
  }

  /**
   * Always this source alone: a directory listing is a single stream ordered by modification time, and
   * sharing it between readers would need them to agree on who reads which file.
   */
  @Override
  public List<WatchedFilesSource> split(int desiredNumSplits, PipelineOptions options) {
    return List.of(this);
  }

  @Override
  public WatchedFilesReader createReader(
      PipelineOptions options, @Nullable WatchedFilesCheckpoint checkpoint) {
    // Runners register file systems on their workers; this covers readers created outside a pipeline.
    FileSystems.registerFileSystemsOnce(options);
    return new WatchedFilesReader(this, checkpoint);
  }

  @Override
  public Coder<WatchedFilesCheckpoint> getCheckpointMarkCoder() {
    return WatchedFilesCheckpointCoder.of();
  }

  @Override
  public Coder<String> getOutputCoder() {
    return StringUtf8Coder.of();
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("filePattern", filepattern).withLabel("Watched files"))
        .add(DisplayData.item("pollInterval", pollInterval).withLabel("Poll interval"))
        .addIfNotDefault(
            DisplayData.item("maxFilesPerPoll", maxFilesPerPoll).withLabel("Max files per poll"),
            Integer.MAX_VALUE)
        .add(DisplayData.item("eventTime", timestampFn != null).withLabel("Event time from lines"))
        .add(DisplayData.item("watermarkLag", watermarkLag).withLabel("Watermark lag"))
        .addIfNotNull(
            DisplayData.item("stopWhenIdleFor", stopWhenIdleFor).withLabel("Stop when idle for"));
  }

  String filepattern() {
    return filepattern;
  }

  Duration pollInterval() {
    return pollInterval;
  }

  int maxFilesPerPoll() {
    return maxFilesPerPoll;
  }

  @Nullable SerializableFunction<String, @Nullable Instant> timestampFn() {
    return timestampFn;
  }

  Duration watermarkLag() {
    return watermarkLag;
  }

  @Nullable Duration stopWhenIdleFor() {
    return stopWhenIdleFor;
  }
}
