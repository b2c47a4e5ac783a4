package dev.tributary.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.transforms.logs.AccessLogParser;
import dev.tributary.transforms.logs.LogRecord;
import dev.tributary.transforms.logs.MalformedLogLineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileGeneratorTest {
  private static final int LINES = 50_000;

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.log");
    Path b = dir.resolve("b.log");
    Path c = dir.resolve("c.log");
    LogFileGenerator.write(a, 7, 5_000, 4);
    LogFileGenerator.write(b, 7, 5_000, 4);
    LogFileGenerator.write(c, 8, 5_000, 4);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
    assertEquals(5_000, Files.readAllLines(a).size());
    assertFalse(Files.exists(dir.resolve(".a.log.partial")));
  }

  @Test
  void skewedEndpointsAndStatusesOverSeveralHours(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("access.log");
    LogFileGenerator.write(file, 20240601, LINES, 4);
    List<String> lines = Files.readAllLines(file);
    assertEquals(LINES, lines.size());

    Map<Integer, Integer> statuses = new HashMap<>();
    Map<String, Integer> endpoints = new HashMap<>();
    int rejected = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (String line : lines) {
      LogRecord r;
      try {
        r = AccessLogParser.parse(line);
      } catch (MalformedLogLineException e) {
        rejected++;
        continue;
      }
      statuses.merge(r.getStatus(), 1, Integer::sum);
      if (r.getEndpoint() != null) {
        endpoints.merge(r.getEndpoint(), 1, Integer::sum);
      }
      first = Math.min(first, r.getTimestamp().getMillis());
      last = Math.max(last, r.getTimestamp().getMillis());
    }
    // Cut-short lines (0.1 %) that keep less than "... status size" are rejected; the rest parse.
    assertTrue(rejected > 10 && rejected < 100, "rejected " + rejected);
    // A status mix dominated by 200, with 304, 404 and the rare 408 of "-" requests.
    int parsed = LINES - rejected;
    assertTrue(statuses.get(200) > parsed * 0.75 && statuses.get(200) < parsed * 0.81, statuses.toString());
    assertTrue(statuses.get(304) > statuses.get(404), statuses.toString());
    assertTrue(statuses.containsKey(408), statuses.toString());
    // Zipf-like endpoints: "/" alone is far above the median page, and the tail is long.
    int top = endpoints.getOrDefault("/", 0);
    assertTrue(top > parsed * 0.05, "'/' requested " + top + " times");
    assertTrue(endpoints.size() > 1000, endpoints.size() + " endpoints");
    // Request times start at 2024-06-01T12:00Z (written at -0700) and span about 4 hours.
    assertEquals(LogFileGenerator.START_EPOCH_MILLIS / 1000, first / 1000, 1);
    double hours = (last - first) / 3_600_000d;
    assertTrue(hours > 3.9 && hours < 4.1, hours + " h");
    assertTrue(lines.get(0).contains("/Jun/2024:05:00:0") && lines.get(0).contains(" -0700]"), lines.get(0));
  }
}
