package dev.tributary.pipelines.common;

import dev.tributary.io.files.FileRanges;
import dev.tributary.io.files.LinesOfFileRange;
import dev.tributary.io.files.ReadFileLines;
import dev.tributary.io.files.WatchedTextIO;
import dev.tributary.io.socket.SocketTextIO;
import dev.tributary.pipelines.cli.RunnerLimits;
import dev.tributary.transforms.common.Durations;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.io.FileIO.ReadableFile;
import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * A job's {@code --input}, checked once and turned into the read it names: the files of a directory, file or
 * glob (local or s3://) read once; the same directory watched for new files ({@code --follow}); or the lines
 * of a {@code tcp://host:port} socket. The last two are unbounded, so the job is streaming.
 *
 * <p>Each job declares its own {@code getInput()} without {@code @Default} and applies its default in
 * code: Beam keeps one registry of options per JVM and refuses a property that two registered interfaces
 * give different defaults, and every job's options are registered side by side.
 *
 * <p>A streaming read stamps each line itself: with its event time when a {@linkplain #withEventTime time
 * function} is given, else with the time it was read. A one-time read leaves the timestamps to the job.
 */
public final class LineInput {
  private final String input;
  private final String glob;
  private final @Nullable HostAndPort socket;
  private final boolean follow;
  private final Duration pollInterval;
  private final Duration watermarkLag;
  private final @Nullable Duration stopAfterIdle;
  private final @Nullable SerializableFunction<String, @Nullable Instant> eventTime;

  private LineInput(
      String input,
      String glob,
      @Nullable HostAndPort socket,
      boolean follow,
      Duration pollInterval,
      Duration watermarkLag,
      @Nullable Duration stopAfterIdle,
      @Nullable SerializableFunction<String, @Nullable Instant> eventTime) {
    this.input = input;
    this.glob = glob;
    this.socket = socket;
    this.follow = follow;
    this.pollInterval = pollInterval;
    this.watermarkLag = watermarkLag;
    this.stopAfterIdle = stopAfterIdle;
    this.eventTime = eventTime;
  }

  /**
   * Checks {@code input} and the stream options; a bad one throws {@link IllegalArgumentException} with a
   * message fit to show the user as it is.
   */
  public static LineInput from(@Nullable String input, StreamInputOptions o) {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("--input is empty; give a directory, file, glob or tcp://host:port");
    }
    HostAndPort socket = HostAndPort.parse(input);
    if (socket != null && o.getFollow()) {
      throw new IllegalArgumentException("--follow watches a directory; a tcp:// input is always followed");
    }
    Duration stopAfterIdle =
        o.getStopAfterIdle() == null ? null : Durations.parsePositive("stopAfterIdle", o.getStopAfterIdle());
    boolean streaming = o.getFollow() || socket != null;
    if (stopAfterIdle != null && !streaming) {
      throw new IllegalArgumentException("--stopAfterIdle only applies with --follow or a tcp:// input");
    }
    if (stopAfterIdle != null) {
      RunnerLimits.checkStreamingEnds(o, "--stopAfterIdle");
    }
    Duration pollInterval = Durations.parsePositive("pollInterval", o.getPollInterval());
    Duration watermarkLag = Durations.parse("watermarkLag", o.getWatermarkLag());
    String glob = socket == null ? InputPaths.resolve(input, o.getFollow()) : input;
    return new LineInput(input, glob, socket, o.getFollow(), pollInterval, watermarkLag, stopAfterIdle, null);
  }

  /**
   * Whether {@code input} will be read as a stream, without touching any file system: lets a job check
   * its cheap options before {@link #from} lists the input.
   */
  public static boolean isStream(@Nullable String input, StreamInputOptions o) {
    return o.getFollow() || HostAndPort.parse(input) != null;
  }

  /** Streaming reads stamp each line with the time this function finds in it (null: when it was read). */
  public LineInput withEventTime(SerializableFunction<String, @Nullable Instant> fn) {
    return new LineInput(input, glob, socket, follow, pollInterval, watermarkLag, stopAfterIdle, fn);
  }

  /** True for a watched directory or a socket: the input never ends by itself. */
  public boolean streaming() {
    return follow || socket != null;
  }

  /** As given on the command line. */
  public String describe() {
    return input;
  }

  /**
   * For a one-time file read ({@link #streaming()} false): the files cut into byte ranges, unread, for a
   * step that reads the lines of each range itself ({@link LinesOfFileRange}) rather than receive every
   * line as an element.
   */
  public PCollection<KV<ReadableFile, OffsetRange>> readRanges(Pipeline p, String stepName) {
    if (streaming()) {
      throw new IllegalStateException("only a one-time file read has ranges; " + input + " is a stream");
    }
    return p.apply(stepName, FileRanges.of(glob));
  }

  /** Adds the read to {@code p}. */
  public PCollection<String> read(Pipeline p, String stepName) {
    if (socket != null) {
      // Checked here so that an unreachable server is one line at start, not a failed job later.
      SocketTextIO.checkReachable(socket.host(), socket.port(), Duration.standardSeconds(5));
      SocketTextIO.Read read = SocketTextIO.read().from(socket.host(), socket.port()).withWatermarkLag(watermarkLag);
      if (eventTime != null) {
        read = read.withTimestampFn(eventTime);
      }
      if (stopAfterIdle != null) {
        read = read.stopWhenIdleFor(stopAfterIdle);
      }
      return p.apply(stepName, read);
    }
    if (!follow) {
      return p.apply(stepName, ReadFileLines.from(glob));
    }
    WatchedTextIO.Read watch =
        WatchedTextIO.read().from(glob).withPollInterval(pollInterval).withWatermarkLag(watermarkLag);
    if (eventTime != null) {
      watch = watch.withTimestampFn(eventTime);
    }
    if (stopAfterIdle != null) {
      watch = watch.stopWhenIdleFor(stopAfterIdle);
    }
    return p.apply(stepName, watch);
  }
}
