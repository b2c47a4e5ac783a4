package dev.tributary.pipelines.csv;

import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The three modes of {@code csv-events}. */
enum CsvMode {
  CSV_AGG,
  CSV_LOG,
  SOCKET;

  /** {@code csv-agg}, {@code csv-log} or {@code socket}, any case; null means csv-agg. */
  static CsvMode parse(@Nullable String mode) {
    if (mode == null) {
      return CSV_AGG;
    }
    for (CsvMode m : values()) {
      if (m.toString().equals(mode.trim().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new IllegalArgumentException("--mode=" + mode + " is not one of csv-agg, csv-log, socket");
  }

  /** As written on the command line. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
