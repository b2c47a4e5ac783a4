package dev.tributary.io.socket;

import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The unbounded source behind {@link SocketTextIO.Read}; see {@link SocketTextIO} for the semantics. */
final class SocketLinesSource extends UnboundedSource<String, SocketCheckpoint> {
  private static final long serialVersionUID = 1L;

  private final SocketReadSpec spec;

  SocketLinesSource(SocketReadSpec spec) {
    this.spec = spec;
  }

  /** Always this source alone: one connection is one ordered stream that cannot be shared. */
  @Override
  public List<SocketLinesSource> split(int desiredNumSplits, PipelineOptions options) {
    return List.of(this);
  }

  @Override
  public SocketLinesReader createReader(
      PipelineOptions options, @Nullable SocketCheckpoint checkpoint) {
    return new SocketLinesReader(this, checkpoint);
  }

  @Override
  public Coder<SocketCheckpoint> getCheckpointMarkCoder() {
    return SocketCheckpointCoder.of();
  }

  @Override
  public Coder<String> getOutputCoder() {
    return StringUtf8Coder.of();
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("endpoint", spec.endpoint()).withLabel("Server"))
        .add(DisplayData.item("eventTime", spec.timestampFn() != null).withLabel("Event time from lines"))
        .add(DisplayData.item("watermarkLag", spec.watermarkLag()).withLabel("Watermark lag"))
        .add(DisplayData.item("maxLineBytes", spec.maxLineBytes()).withLabel("Max line length (bytes)"))
        .addIfNotDefault(
            DisplayData.item("maxReconnectAttempts", spec.maxReconnectAttempts())
                .withLabel("Max reconnect attempts"),
            Integer.MAX_VALUE)
        .addIfNotNull(
            DisplayData.item("stopWhenIdleFor", spec.stopWhenIdleFor()).withLabel("Stop when idle for"))
        .addIfNotDefault(
            DisplayData.item("stopWhenServerCloses", spec.stopWhenServerCloses())
                .withLabel("Stop when the server closes"),
            false);
  }

  SocketReadSpec spec() {
    return spec;
  }
}
