package dev.tributary.pipelines.logs;

import dev.tributary.transforms.common.Durations;
import dev.tributary.pipelines.cli.RunnerLimits;
import dev.tributary.transforms.logs.TimeMode;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * The {@code logs} job's options, checked and converted once, before any pipeline is built. Every check
 * fails with an {@link IllegalArgumentException} whose message is shown to the user as it is.
 */
record LogAnalyticsSettings(
    String inputGlob,
    @Nullable HostAndPort socket,
    boolean follow,
    TimeMode timeMode,
    int topN,
    Duration windowSize,
    Duration windowSlide,
    Duration allowedLateness,
    Duration pollInterval,
    Duration watermarkLag,
    Duration updateEvery,
    @Nullable Duration stopAfterIdle,
    int numRows,
    boolean truncate,
    @Nullable String output,
    @Nullable String windowedFiles,
    @Nullable String jdbcUrl) {

  /** Reads from a socket or watches a directory: unbounded input, results fire repeatedly. */
  boolean streaming() {
    return follow || socket != null;
  }

  /** A {@code tcp://host:port} input. */
  record HostAndPort(String host, int port) {
    static @Nullable HostAndPort parse(String input) {
      if (input == null || !input.startsWith("tcp://")) {
        return null;
      }
      String rest = input.substring("tcp://".length());
      int colon = rest.lastIndexOf(':');
      try {
        int port = Integer.parseInt(rest.substring(colon + 1));
        if (colon <= 0 || port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
        return new HostAndPort(rest.substring(0, colon), port);
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        throw new IllegalArgumentException("--input=" + input + " is not tcp://host:port");
      }
    }
  }

  static LogAnalyticsSettings from(LogAnalyticsOptions o) {
    Duration size = Durations.parsePositive("windowSize", o.getWindowSize());
    Duration slide = Durations.parsePositive("windowSlide", o.getWindowSlide());
    if (slide.isLongerThan(size)) {
      throw new IllegalArgumentException(
          "--windowSlide=" + o.getWindowSlide() + " is longer than --windowSize=" + o.getWindowSize()
              + "; requests between windows would be skipped");
    }
    HostAndPort socket = HostAndPort.parse(o.getInput());
    if (socket != null && o.getFollow()) {
      throw new IllegalArgumentException("--follow watches a directory; a tcp:// input is always followed");
    }
    Duration stopAfterIdle =
        o.getStopAfterIdle() == null ? null : Durations.parsePositive("stopAfterIdle", o.getStopAfterIdle());
    if (stopAfterIdle != null && !o.getFollow() && socket == null) {
      throw new IllegalArgumentException("--stopAfterIdle only applies with --follow or a tcp:// input");
    }
    if (o.getTopN() < 1) {
      throw new IllegalArgumentException("--topN must be at least 1, got " + o.getTopN());
    }
    if (o.getNumRows() < 1) {
      throw new IllegalArgumentException("--numRows must be at least 1, got " + o.getNumRows());
    }
    boolean streaming = o.getFollow() || socket != null;
    if (streaming && stopAfterIdle != null) {
      RunnerLimits.checkStreamingEnds(o, "--stopAfterIdle");
    }
    if (streaming && blankToNull(o.getOutput()) != null) {
      RunnerLimits.checkStreamingFlushes(o, "--output");
    }
    if (o.getJdbcUrl() != null && !o.getJdbcUrl().startsWith("jdbc:")) {
      throw new IllegalArgumentException("--jdbcUrl=" + o.getJdbcUrl() + " is not a JDBC URL (jdbc:...)");
    }
    return new LogAnalyticsSettings(
        socket == null ? LogInputs.resolve(o.getInput(), o.getFollow()) : o.getInput(),
        socket,
        o.getFollow(),
        o.getTimeMode(),
        o.getTopN(),
        size,
        slide,
        Durations.parse("allowedLateness", o.getAllowedLateness()),
        Durations.parsePositive("pollInterval", o.getPollInterval()),
        Durations.parse("watermarkLag", o.getWatermarkLag()),
        Durations.parsePositive("updateInterval", o.getUpdateInterval()),
        stopAfterIdle,
        o.getNumRows(),
        o.getTruncate(),
        blankToNull(o.getOutput()),
        blankToNull(o.getWindowedFiles()),
        blankToNull(o.getJdbcUrl()));
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
