package dev.tributary.io.files;

import java.util.Objects;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Reads the lines of text files as they appear in a directory, as an unbounded {@link PCollection}.
 *
 * <pre>{@code
 * PCollection<String> lines = p.apply("ReadLogs",
 *     WatchedTextIO.read()
 *         .from("data/logs")
 *         .withPollInterval(Duration.standardSeconds(2))
 *         .withMaxFilesPerPoll(100)
 *         .withTimestampFn(line -> parseTime(line))
 *         .withWatermarkLag(Duration.standardSeconds(10))
 *         .stopWhenIdleFor(Duration.standardSeconds(5)));
 * }</pre>
 *
 * <p>It is a classic {@link org.apache.beam.sdk.io.UnboundedSource} rather than a splittable DoFn (such
 * as {@code TextIO.read().watchForNewFiles(...)}) because the classic Spark runner in streaming mode can
 * only run {@code Read.Unbounded}.
 *
 * <h3>Which files, in which order</h3>
 *
 * <ul>
 *   <li>{@link Read#from} takes a directory (every file directly in it) or a glob such as {@code
 *       data/logs/*.log}. A spec without glob wildcards is taken to be a directory. Listing goes through
 *       Beam's {@link org.apache.beam.sdk.io.FileSystems}, so any registered scheme (for example {@code
 *       s3://}) works once its file system is on the classpath.
 *   <li>The directory is listed every poll interval (default 2 s), and only when everything listed
 *       before has been read. New files are taken in order of last-modified time, then full path, at
 *       most {@link Read#withMaxFilesPerPoll} per listing (default: all of them), like Spark's {@code
 *       maxFilesPerTrigger}.
 *   <li>Each file, identified by its full path, is read once. Files must be complete when they appear:
 *       write them elsewhere (or under a hidden name) and atomically rename them into the directory, as
 *       Spark requires too. Files whose name starts with {@code .} or {@code _} are ignored, so a writer
 *       may write {@code .name.tmp} in place and then rename it. A file that grows or is rewritten under
 *       the same name after it was read is not read again.
 *   <li>A file that vanishes or cannot be opened or read between listing and reading is logged as a
 *       warning, counted in {@value #NAMESPACE}/{@value #FILES_UNREADABLE} and skipped; lines already
 *       emitted from it stay emitted.
 *   <li>The whole directory is one ordered stream, so the source never splits: one reader does all the
 *       reading. Parallelism comes from the transforms after it.
 * </ul>
 *
 * <h3>Lines</h3>
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}; the terminator is not part of the line,
 * and an unterminated last line is still a line (as in Beam's {@code TextIO}). An empty file has no
 * lines. Files are plain (uncompressed) UTF-8; a byte-order mark at the start is dropped, and malformed
 * bytes are decoded as U+FFFD rather than failing the read.
 *
 * <h3>Timestamps and watermark</h3>
 *
 * <ul>
 *   <li>Without a timestamp function each line is stamped with the reader's clock when it is read. The
 *       watermark is the timestamp of the last line read or, once there is nothing to read, the current
 *       time; no line can be late. The watermark lag is not used.
 *   <li>With {@link Read#withTimestampFn} each line is stamped with the function's result. A line for
 *       which it returns {@code null} takes the timestamp of the reader's previous line, raised to the
 *       watermark if that line was behind it (or the watermark itself when there is no previous line), so
 *       that the source never emits such a line as late data. The watermark is the largest timestamp
 *       seen minus {@link Read#withWatermarkLag} (default 10 s); it never moves backwards and never goes
 *       below {@link BoundedWindow#TIMESTAMP_MIN_VALUE}. Lines older than the watermark are emitted as
 *       they are and may be late downstream: choose the lag to cover how far out of order the files are.
 *       The watermark does not advance while no new lines arrive.
 *   <li>With {@link Read#stopWhenIdleFor}, once everything listed has been read and a listing made at
 *       least that long after the last new file was found finds nothing new, the watermark jumps to
 *       {@link BoundedWindow#TIMESTAMP_MAX_VALUE} and the read finishes. Without it the read never ends.
 * </ul>
 *
 * <h3>Checkpoints and metrics</h3>
 *
 * <p>A checkpoint holds the paths of the files already done with (read or unreadable), the file being
 * read and how many of its lines were emitted, and the watermark; a reader resumed from it continues
 * right after the last emitted line (it reads that file's first lines again to skip them, which runners
 * only need when they lose the reader they already had). The checkpoint grows with the number of files
 * read. Counters in
 * namespace {@value #NAMESPACE}: {@value #FILES_READ}, {@value #LINES_READ}, {@value #FILES_UNREADABLE}.
 */
public final class WatchedTextIO {
  public static final String NAMESPACE = "tributary.io";
  public static final String FILES_READ = "files_read";
  public static final String LINES_READ = "lines_read";
  public static final String FILES_UNREADABLE = "files_unreadable";

  static final Duration DEFAULT_POLL_INTERVAL = Duration.standardSeconds(2);
  static final Duration DEFAULT_WATERMARK_LAG = Duration.standardSeconds(10);

  private WatchedTextIO() {}

  /** A read with every setting at its default; {@link Read#from} must still be given. */
  public static Read read() {
    return new Read(
        null, DEFAULT_POLL_INTERVAL, Integer.MAX_VALUE, null, DEFAULT_WATERMARK_LAG, null);
  }

  /** The read transform; see {@link WatchedTextIO} for its semantics. Immutable. */
  public static final class Read extends PTransform<PBegin, PCollection<String>> {
    private final @Nullable String filepattern;
    private final Duration pollInterval;
    private final int maxFilesPerPoll;
    private final @Nullable SerializableFunction<String, @Nullable Instant> timestampFn;
    private final Duration watermarkLag;
    private final @Nullable Duration stopWhenIdleFor;

    private Read(
        @Nullable String filepattern,
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

    /** A directory (all files directly in it) or a glob; a spec without wildcards is a directory. */
    public Read from(String directoryOrGlob) {
      Objects.requireNonNull(directoryOrGlob, "directoryOrGlob");
      if (directoryOrGlob.isEmpty()) {
        throw new IllegalArgumentException("directoryOrGlob must not be empty");
      }
      return new Read(
          DirectoryLister.toFilepattern(directoryOrGlob),
          pollInterval,
          maxFilesPerPoll,
          timestampFn,
          watermarkLag,
          stopWhenIdleFor);
    }

    /** How long to wait between two listings of the directory. Default 2 s. */
    public Read withPollInterval(Duration interval) {
      checkNotNegative(interval, "poll interval");
      return new Read(
          filepattern, interval, maxFilesPerPoll, timestampFn, watermarkLag, stopWhenIdleFor);
    }

    /** At most this many new files are taken from one listing. Default: no limit. */
    public Read withMaxFilesPerPoll(int maxFiles) {
      if (maxFiles <= 0) {
        throw new IllegalArgumentException("maxFilesPerPoll must be positive, got " + maxFiles);
      }
      return new Read(
          filepattern, pollInterval, maxFiles, timestampFn, watermarkLag, stopWhenIdleFor);
    }

    /**
     * Takes each line's event time from the line; {@code null} means the line has no readable time.
     * The function must be serializable: a static nested class or a lambda that captures nothing else.
     * It should return {@code null} rather than throw: an exception fails the read.
     */
    public Read withTimestampFn(SerializableFunction<String, @Nullable Instant> fn) {
      Objects.requireNonNull(fn, "timestampFn");
      return new Read(filepattern, pollInterval, maxFilesPerPoll, fn, watermarkLag, stopWhenIdleFor);
    }

    /** With a timestamp function, the watermark trails the largest timestamp by this. Default 10 s. */
    public Read withWatermarkLag(Duration lag) {
      checkNotNegative(lag, "watermark lag");
      return new Read(filepattern, pollInterval, maxFilesPerPoll, timestampFn, lag, stopWhenIdleFor);
    }

    /** Finishes the read once no new file has appeared for this long. Default: never finish. */
    public Read stopWhenIdleFor(Duration idle) {
      checkNotNegative(idle, "idle duration");
      return new Read(filepattern, pollInterval, maxFilesPerPoll, timestampFn, watermarkLag, idle);
    }

    @Override
    public PCollection<String> expand(PBegin input) {
      return input.apply(org.apache.beam.sdk.io.Read.from(toSource()));
    }

    /** The source this transform reads; package-private so that tests can drive its reader. */
    WatchedFilesSource toSource() {
      if (filepattern == null) {
        throw new IllegalStateException("WatchedTextIO.read() needs from(directoryOrGlob)");
      }
      return new WatchedFilesSource(
          filepattern, pollInterval, maxFilesPerPoll, timestampFn, watermarkLag, stopWhenIdleFor);
    }

    private static void checkNotNegative(Duration duration, String what) {
      Objects.requireNonNull(duration, what);
      if (duration.isShorterThan(Duration.ZERO)) {
        throw new IllegalArgumentException(what + " must not be negative, got " + duration);
      }
    }
  }
}
