package dev.tributary.transforms.modes;

import java.util.Locale;

/**
 * What a streaming query emits at each firing, named after Spark Structured Streaming's output modes. The
 * Beam windowing and triggering behind each mode is set by {@link WindowForOutputMode}.
 *
 * <p>Spark's two rules are kept, and checked by {@link #checkAggregation} and {@link #checkNoAggregation}:
 * append on an aggregation needs event-time windows (Spark: a watermark), and complete needs an
 * aggregation.
 */
public enum OutputMode {
  /**
   * Each result row once, when it can no longer change. For an aggregation: each event-time window once,
   * when the watermark passes its end; data arriving after that is late and dropped. For a query without
   * aggregation (map, filter): every row as it comes.
   */
  APPEND,
  /**
   * Only the rows that changed since the previous firing, each with its new value. For a query without
   * aggregation it is the same as {@link #APPEND}.
   */
  UPDATE,
  /** The whole result table at every firing, changed or not. Needs an aggregation. */
  COMPLETE;

  /** Reads {@code append}, {@code update} or {@code complete}, in any case. */
  public static OutputMode parse(String name) {
    String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    for (OutputMode mode : values()) {
      if (mode.name().equals(n)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "output mode '" + name + "' is not one of append, update, complete");
  }

  /**
   * Checks Spark's rule for an aggregation: append needs event-time windows, because a count since the
   * start of the job is never final, so it would never be emitted.
   *
   * @param eventTimeWindows whether the aggregation is per event-time window (not one global window)
   * @throws IllegalArgumentException for append without event-time windows
   */
  public void checkAggregation(boolean eventTimeWindows) {
    if (this == APPEND && !eventTimeWindows) {
      throw new IllegalArgumentException(
          "append output mode needs an aggregation over event-time windows: it emits each row once, when"
              + " it is final, and a count since the start is never final. This is Spark's rule \"Append"
              + " output mode not supported when there are streaming aggregations on streaming"
              + " DataFrames/DataSets without watermark\". Window the input by event time, or use update"
              + " or complete.");
    }
  }

  /**
   * Checks Spark's rule for a query without aggregation (split, filter, map): there is no result table to
   * re-emit, so complete is rejected. Append and update both emit every row as it comes.
   *
   * @throws IllegalArgumentException for complete
   */
  public void checkNoAggregation() {
    if (this == COMPLETE) {
      throw new IllegalArgumentException(
          "complete output mode needs an aggregation: it re-emits the whole result table at every firing,"
              + " and a query without aggregation keeps no table. This is Spark's rule \"Complete output"
              + " mode not supported when there are no streaming aggregations on streaming"
              + " DataFrames/Datasets\". Use append or update.");
    }
  }

  /** The lower-case name Spark uses, e.g. {@code update}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
