package dev.tributary.transforms.common;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.time.Duration;

/** Reads durations written the way people write them on a command line: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}. */
public final class Durations {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses {@code value}; {@code option} names the option in the error message, which is written to be
   * shown to the user as is.
   */
  public static Duration parse(String option, String value) {
    Matcher m = DURATION.matcher(value == null ? "" : value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "--" + option + "=" + value + " is not a duration; write it like 500ms, 30s, 5m, 1h or 1d");
    }
    long n = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "ms":
        return Duration.millis(n);
      case "s":
        return Duration.standardSeconds(n);
      case "m":
        return Duration.standardMinutes(n);
      case "h":
        return Duration.standardHours(n);
      default:
        return Duration.standardDays(n);
    }
  }

  /** Like {@link #parse} but rejects zero. */
  public static Duration parsePositive(String option, String value) {
    Duration d = parse(option, value);
    if (d.getMillis() == 0) {
      throw new IllegalArgumentException("--" + option + " must be longer than zero");
    }
    return d;
  }
}
