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
 *
 * @param finishedFiles full paths of files completely read or found unreadable; kept sorted, so that equal
 *     checkpoints encode to equal bytes, as a deterministic coder must
 * @param partialFile the file being read, or null between files
 * @param linesEmitted lines of {@code partialFile} already emitted; 0 without a partial file
 * @param watermark the reader's watermark, so a resumed reader does not start from the beginning of time
 * @param lastTimestamp the last line's timestamp, given to a following line that has none
 */
record WatchedFilesCheckpoint(
    List<String> finishedFiles,
    @Nullable String partialFile,
    long linesEmitted,
    Instant watermark,
    @Nullable Instant lastTimestamp)
    implements UnboundedSource.CheckpointMark {

  WatchedFilesCheckpoint {
    if (linesEmitted < 0 || (partialFile == null && linesEmitted != 0)) {
      throw new IllegalArgumentException(
          "linesEmitted " + linesEmitted + " does not fit partial file " + partialFile);
    }
    Objects.requireNonNull(watermark, "watermark");
    List<String> sorted = new ArrayList<>(finishedFiles);
    Collections.sort(sorted);
    finishedFiles = Collections.unmodifiableList(sorted);
  }

  WatchedFilesCheckpoint(
      Collection<String> finishedFiles,
      @Nullable String partialFile,
      long linesEmitted,
      Instant watermark,
      @Nullable Instant lastTimestamp) {
    this(List.copyOf(finishedFiles), partialFile, linesEmitted, watermark, lastTimestamp);
  }

  /**
   * Nothing to do: files are never acknowledged or deleted, and the recorded progress alone tells a new
   * reader where to continue.
   */
  @Override
  public void finalizeCheckpoint() {}

  /** Counts the finished files instead of listing them: a long-running watch finishes thousands. */
  @Override
  public String toString() {
    return "WatchedFilesCheckpoint{finished=" + finishedFiles.size() + " files, partialFile=" + partialFile
        + ", linesEmitted=" + linesEmitted + ", watermark=" + watermark + ", lastTimestamp=" + lastTimestamp + "}";
  }
}
