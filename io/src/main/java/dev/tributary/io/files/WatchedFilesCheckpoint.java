package dev.tributary.io.files;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.io.UnboundedSource;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * How far a {@link WatchedFilesReader} got: the files it is done with, the file it was reading and how
 * many of that file's lines it emitted, and its timestamp state. Immutable.
 */
final class WatchedFilesCheckpoint implements UnboundedSource.CheckpointMark {
  private final List<String> finishedFiles;
  private final @Nullable String partialFile;
  private final long linesEmitted;
  private final Instant watermark;
  private final @Nullable Instant lastTimestamp;

  /**
   * @param finishedFiles full paths of files completely read or found unreadable
   * @param partialFile the file being read, or null between files
   * @param linesEmitted lines of {@code partialFile} already emitted; 0 without a partial file
   * @param watermark the reader's watermark, so a resumed reader does not start from the beginning of time
   * @param lastTimestamp the last line's timestamp, given to a following line that has none
   */
  WatchedFilesCheckpoint(
      Collection<String> finishedFiles,
      @Nullable String partialFile,
      long linesEmitted,
      Instant watermark,
      @Nullable Instant lastTimestamp) {
    if (linesEmitted < 0 || (partialFile == null && linesEmitted != 0)) {
      throw new IllegalArgumentException(
          "linesEmitted " + linesEmitted + " does not fit partial file " + partialFile);
    }
    // Sorted so that equal checkpoints encode to equal bytes, as a deterministic coder must.
    List<String> sorted = new ArrayList<>(finishedFiles);
    Collections.sort(sorted);
    this.finishedFiles = Collections.unmodifiableList(sorted);
    this.partialFile = partialFile;
    this.linesEmitted = linesEmitted;
    this.watermark = Objects.requireNonNull(watermark, "watermark");
    this.lastTimestamp = lastTimestamp;
  }

  /** Sorted full paths. */
  List<String> finishedFiles() {
    return finishedFiles;
  }

  @Nullable String partialFile() {
    return partialFile;
  }

  long linesEmitted() {
    return linesEmitted;
  }

  Instant watermark() {
    return watermark;
  }

  @Nullable Instant lastTimestamp() {
    return lastTimestamp;
  }

  /**
   * Nothing to do: files are never acknowledged or deleted, and the recorded progress alone tells a new
   * reader where to continue.
   */
  @Override
  public void finalizeCheckpoint() {}

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof WatchedFilesCheckpoint)) {
      return false;
    }
    WatchedFilesCheckpoint that = (WatchedFilesCheckpoint) o;
    return linesEmitted == that.linesEmitted
        && finishedFiles.equals(that.finishedFiles)
        && Objects.equals(partialFile, that.partialFile)
        && watermark.equals(that.watermark)
        && Objects.equals(lastTimestamp, that.lastTimestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(finishedFiles, partialFile, linesEmitted, watermark, lastTimestamp);
  }

  @Override
  public String toString() {
    return "WatchedFilesCheckpoint{finished="
        + finishedFiles.size()
        + " files, partialFile="
        + partialFile
        + ", linesEmitted="
        + linesEmitted
        + ", watermark="
        + watermark
        + ", lastTimestamp="
        + lastTimestamp
        + "}";
  }
}
