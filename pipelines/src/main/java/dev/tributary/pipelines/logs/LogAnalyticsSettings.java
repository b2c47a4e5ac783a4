package dev.tributary.pipelines.logs;

import dev.tributary.pipelines.cli.Durations;
import dev.tributary.transforms.logs.TimeMode;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * The {@code logs} job's options, checked and converted once, before any pipeline is built. Every check
 * fails with an {@link IllegalArgumentException} whose message is shown to the user as it is.
 */
record LogAnalyticsSettings(
    String inputGlob,
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
    @Nullable String output) {

  static LogAnalyticsSettings from(LogAnalyticsOptions o) {
    Duration size = Durations.parsePositive("windowSize", o.getWindowSize());
    Duration slide = Durations.parsePositive("windowSlide", o.getWindowSlide());
    if (slide.isLongerThan(size)) {
      throw new IllegalArgumentException(
          "--windowSlide=" + o.getWindowSlide() + " is longer than --windowSize=" + o.getWindowSize()
              + "; requests between windows would be skipped");
    }
    Duration stopAfterIdle =
        o.getStopAfterIdle() == null ? null : Durations.parsePositive("stopAfterIdle", o.getStopAfterIdle());
    if (stopAfterIdle != null && !o.getFollow()) {
      throw new IllegalArgumentException("--stopAfterIdle only applies with --follow");
    }
    if (o.getTopN() < 1) {
      throw new IllegalArgumentException("--topN must be at least 1, got " + o.getTopN());
    }
    if (o.getNumRows() < 1) {
      throw new IllegalArgumentException("--numRows must be at least 1, got " + o.getNumRows());
    }
    String output = o.getOutput() == null || o.getOutput().isBlank() ? null : o.getOutput();
    return new LogAnalyticsSettings(
        LogInputs.resolve(o.getInput(), o.getFollow()),
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
        output);
  }
}
