package dev.tributary.pipelines.csv;

import dev.tributary.transforms.common.Durations;
import dev.tributary.transforms.events.UserEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.joda.time.Duration;

/** The {@code generate-csv} options, checked and with their defaults applied. */
record CsvGeneratorSettings(
    Path outputDir, int files, int rowsPerFile, Duration interval, int users, List<String> events, long seed, Instant start) {
  static final String DEFAULT_OUTPUT_DIR = "out/user-events";
  private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  static CsvGeneratorSettings from(GenerateCsvOptions o) {
    int files = atLeastOne("files", o.getFiles(), 10);
    int rowsPerFile = atLeastOne("rowsPerFile", o.getRowsPerFile(), 10);
    int users = atLeastOne("users", o.getUsers(), 5);
    Duration interval = Durations.parse("interval", o.getInterval() == null ? "3s" : o.getInterval());
    List<String> events = new ArrayList<>();
    for (String event : o.getEvents() == null ? UserEvent.EVENTS : o.getEvents()) {
      String e = event.trim();
      if (!EVENT_NAME.matcher(e).matches()) {
        throw new IllegalArgumentException(
            "--events: '" + event + "' is not an event name (a letter, then letters, digits, _ or -)");
      }
      events.add(e);
    }
    if (events.isEmpty()) {
      throw new IllegalArgumentException("--events is empty; give event types such as login,logout,purchase,view");
    }
    Instant start;
    if ("now".equalsIgnoreCase(o.getStart().trim())) {
      start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    } else {
      try {
        start = Instant.parse(o.getStart().trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "--start=" + o.getStart() + " is not 'now' or an ISO-8601 instant like 2024-06-01T12:00:00Z");
      }
    }
    Path dir = Path.of(o.getOutputDir() == null ? DEFAULT_OUTPUT_DIR : o.getOutputDir());
    return new CsvGeneratorSettings(dir, files, rowsPerFile, interval, users, List.copyOf(events), o.getSeed(), start);
  }

  /** The event time one file covers: the pause between files, or 1 s without pause. */
  Duration fileSpan() {
    return interval.getMillis() > 0 ? interval : Duration.standardSeconds(1);
  }

  private static int atLeastOne(String option, Integer value, int defaultValue) {
    int v = value == null ? defaultValue : value;
    if (v < 1) {
      throw new IllegalArgumentException("--" + option + " must be at least 1, got " + v);
    }
    return v;
  }
}
