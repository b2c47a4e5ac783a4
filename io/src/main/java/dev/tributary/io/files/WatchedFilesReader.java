package dev.tributary.io.files;

import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the watched files one after another, line by line. It never waits: when no line is ready,
 * {@link #advance()} lists the directory if the poll interval has passed and otherwise returns false.
 */
final class WatchedFilesReader extends StampedLineReader {
  private static final Logger LOG = LoggerFactory.getLogger(WatchedFilesReader.class);

  private final Counter filesRead =
      Metrics.counter(WatchedTextIO.NAMESPACE, WatchedTextIO.FILES_READ);
  private final Counter linesRead =
      Metrics.counter(WatchedTextIO.NAMESPACE, WatchedTextIO.LINES_READ);
  private final Counter filesUnreadable =
      Metrics.counter(WatchedTextIO.NAMESPACE, WatchedTextIO.FILES_UNREADABLE);

  private final WatchedFilesSource source;
  private final DirectoryLister lister;
  private final PollSchedule schedule;

  /** Files done with, read to the end or given up on. */
  private final Set<String> finishedFiles = new HashSet<>();
  /** Listed but not opened yet, oldest first. */
  private final Set<String> queuedFiles = new LinkedHashSet<>();
  /** A file the checkpoint was in the middle of; it is read before anything else. */
  private @Nullable String resumeFile;
  private long resumeLinesEmitted;

  private @Nullable FileLines currentFile;
  private boolean listingFailing;

  WatchedFilesReader(WatchedFilesSource source, @Nullable WatchedFilesCheckpoint checkpoint) {
    super(
        source.timestampFn(),
        source.watermarkLag(),
        checkpoint == null ? null : checkpoint.watermark(),
        checkpoint == null ? null : checkpoint.lastTimestamp());
    this.source = source;
    this.lister = new DirectoryLister(source.filepattern());
    this.schedule = new PollSchedule(source.pollInterval(), source.stopWhenIdleFor(), Instant.now());
    if (checkpoint != null) {
      finishedFiles.addAll(checkpoint.finishedFiles());
      resumeFile = checkpoint.partialFile();
      resumeLinesEmitted = checkpoint.linesEmitted();
    }
  }

  @Override
  public boolean start() {
    return advance();
  }

  @Override
  public boolean advance() {
    clearCurrent();
    if (isFinished()) {
      return false;
    }
    while (true) {
      if (currentFile != null) {
        String line = nextLineOfCurrentFile();
        if (line != null) {
          emit(line, Instant.now());
          linesRead.inc();
          return true;
        }
      } else if (!openNextFile()) {
        Instant now = Instant.now();
        if (schedule.listingDue(now) && listNewFiles(now)) {
          continue;
        }
        if (schedule.idleLongEnough()) {
          finish();
        }
        noInputAt(now);
        return false;
      }
    }
  }

  /** The next line, or null once the current file is finished or had to be given up. */
  private @Nullable String nextLineOfCurrentFile() {
    FileLines file = currentFile;
    try {
      String line = file.next();
      if (line != null) {
        return line;
      }
      finishedFiles.add(file.path());
      filesRead.inc();
    } catch (IOException | RuntimeException e) {
      giveUp(file.path(), e);
    }
    currentFile = null;
    closeQuietly(file);
    return null;
  }

  /** Opens the next waiting file, or gives up on it; false when no file is waiting. */
  private boolean openNextFile() {
    String path;
    long linesToSkip;
    if (resumeFile != null) {
      path = resumeFile;
      linesToSkip = resumeLinesEmitted;
      resumeFile = null;
      resumeLinesEmitted = 0;
    } else if (!queuedFiles.isEmpty()) {
      Iterator<String> oldest = queuedFiles.iterator();
      path = oldest.next();
      oldest.remove();
      linesToSkip = 0;
    } else {
      return false;
    }
    FileLines file = null;
    try {
      file = FileLines.open(path);
      file.skip(linesToSkip);
      currentFile = file;
    } catch (IOException | RuntimeException e) {
      closeQuietly(file);
      giveUp(path, e);
    }
    return true;
  }

  /** Lists the directory and queues what is new; true if anything was. */
  private boolean listNewFiles(Instant now) {
    List<String> found;
    try {
      found = lister.listNew(this::isKnown, source.maxFilesPerPoll());
      listingFailing = false;
    } catch (IOException | RuntimeException e) {
      // Logged once per run of failures: a missing mount would otherwise log every poll interval.
      if (!listingFailing) {
        LOG.warn(
            "Could not list {}; retrying every {}: {}",
            lister.filepattern(),
            source.pollInterval(),
            e.toString());
      }
      listingFailing = true;
      found = List.of();
    }
    queuedFiles.addAll(found);
    schedule.listed(now, !found.isEmpty());
    return !found.isEmpty();
  }

  private boolean isKnown(String path) {
    return finishedFiles.contains(path)
        || queuedFiles.contains(path)
        || path.equals(resumeFile)
        || (currentFile != null && currentFile.path().equals(path));
  }

  /**
   * Files can vanish or turn unreadable between listing and reading; that must not stop the stream, but
   * it must not go unnoticed either, hence the warning and the counter.
   */
  private void giveUp(String path, Exception reason) {
    LOG.warn("Skipping {}: it could not be read: {}", path, reason.toString());
    filesUnreadable.inc();
    finishedFiles.add(path);
  }

  private static void closeQuietly(@Nullable FileLines file) {
    if (file == null) {
      return;
    }
    try {
      file.close();
    } catch (IOException e) {
      // Everything wanted from the file is already read; a failed close loses nothing.
      LOG.debug("Could not close {}", file.path(), e);
    }
  }

  @Override
  public WatchedFilesCheckpoint getCheckpointMark() {
    String partialFile = null;
    long linesEmitted = 0;
    if (currentFile != null) {
      partialFile = currentFile.path();
      linesEmitted = currentFile.linesRead();
    } else if (resumeFile != null) {
      partialFile = resumeFile;
      linesEmitted = resumeLinesEmitted;
    }
    return new WatchedFilesCheckpoint(
        finishedFiles,
        partialFile,
        linesEmitted,
        checkpointWatermark(),
        checkpointLastTimestamp());
  }

  @Override
  public WatchedFilesSource getCurrentSource() {
    return source;
  }

  @Override
  public void close() throws IOException {
    FileLines file = currentFile;
    currentFile = null;
    if (file != null) {
      file.close();
    }
  }
}
