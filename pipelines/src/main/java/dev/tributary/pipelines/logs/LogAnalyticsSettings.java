package dev.tributary.pipelines.logs;

import dev.tributary.pipelines.common.LineInput;
import dev.tributary.pipelines.common.ResultSinks;
import dev.tributary.transforms.common.Durations;
import dev.tributary.transforms.logs.TimeMode;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * The {@code logs} job's options, checked and converted once, before any pipeline is built. Every check
 * fails with an {@link IllegalArgumentException} whose message is shown to the user as it is.
 */
record LogAnalyticsSettings(
    LineInput input,
    ResultSinks sinks,
    TimeMode timeMode,
    int topN,
    Duration windowSize,
    Duration windowSlide,
    Duration allowedLateness,
    @Nullable String windowedFiles) {

  /** Reads from a socket or watches a directory: unbounded input, results fire repeatedly. */
  boolean streaming() {
    return input.streaming();
  }

  /** The bundled sample, relative to the repository root. */
  static final String DEFAULT_INPUT = "data/logs";

  static final String DEFAULT_WINDOW_SIZE = "30s";
  static final String DEFAULT_WINDOW_SLIDE = "10s";

  static LogAnalyticsSettings from(LogAnalyticsOptions o) {
    String inputOption = o.getInput() == null ? DEFAULT_INPUT : o.getInput();
    String sizeOption = o.getWindowSize() == null ? DEFAULT_WINDOW_SIZE : o.getWindowSize();
    String slideOption = o.getWindowSlide() == null ? DEFAULT_WINDOW_SLIDE : o.getWindowSlide();
    TimeMode timeMode = o.getTimeMode() == null ? TimeMode.EVENT : o.getTimeMode();
    Duration size = Durations.parsePositive("windowSize", sizeOption);
    Duration slide = Durations.parsePositive("windowSlide", slideOption);
    if (slide.isLongerThan(size)) {
      throw new IllegalArgumentException(
          "--windowSlide=" + slideOption + " is longer than --windowSize=" + sizeOption
              + "; requests between windows would be skipped");
    }
    if (o.getTopN() < 1) {
      throw new IllegalArgumentException("--topN must be at least 1, got " + o.getTopN());
    }
    ResultSinks sinks = ResultSinks.from(o, LineInput.isStream(inputOption, o));
    LineInput input = LineInput.from(inputOption, o);
    if (timeMode == TimeMode.EVENT) {
      input = input.withEventTime(new RequestTimeOfLine());
    }
    return new LogAnalyticsSettings(
        input,
        sinks,
        timeMode,
        o.getTopN(),
        size,
        slide,
        Durations.parse("allowedLateness", o.getAllowedLateness()),
        o.getWindowedFiles() == null || o.getWindowedFiles().isBlank() ? null : o.getWindowedFiles());
  }
}
