package dev.tributary.io.json;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.beam.sdk.io.FileBasedSink.FilenamePolicy;
import org.apache.beam.sdk.io.FileBasedSink.OutputFileHints;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Names the files of periodic flushes {@code <prefix>-<run>-<flush>.jsonl}: {@code run} is when the
 * pipeline was built (UTC, to the second), so a restarted job never overwrites an earlier run's files, and
 * {@code flush} counts up within the run, so the names sort in the order they were written.
 */
final class FlushFilenamePolicy extends FilenamePolicy {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter RUN =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final String prefix;
  private final String run;
  private final String suffix;

  FlushFilenamePolicy(String prefix, java.time.Instant runStart, String suffix) {
    this.prefix = prefix;
    this.run = RUN.format(runStart);
    this.suffix = suffix;
  }

  /** The directory of the output files, where Beam keeps its temporary files too. */
  ResourceId directory() {
    return FileSystems.matchNewResource(prefix, false).getCurrentDirectory();
  }

  @Override
  public ResourceId windowedFilename(
      int shardNumber,
      int numShards,
      BoundedWindow window,
      PaneInfo paneInfo,
      @Nullable OutputFileHints outputFileHints) {
    String shard = numShards > 1 ? String.format("-%05d-of-%05d", shardNumber, numShards) : "";
    String name = String.format("%s-%s-%06d%s%s", prefix, run, paneInfo.getIndex(), shard, suffix);
    return FileSystems.matchNewResource(name, false);
  }

  @Override
  public @Nullable ResourceId unwindowedFilename(
      int shardNumber, int numShards, @Nullable OutputFileHints outputFileHints) {
    throw new UnsupportedOperationException("periodic flushes are always windowed writes");
  }
}
