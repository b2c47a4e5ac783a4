package dev.tributary.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of the benchmarked job as text lines that every engine writes the same way, so that two runs
 * agree exactly when their sorted lines are equal:
 *
 * <pre>
 * rejected  &lt;lines that did not parse&gt;
 * status    &lt;status&gt; &lt;responses&gt;                      (over the whole file)
 * top       &lt;window start, UTC&gt; &lt;rank&gt; &lt;endpoint&gt; &lt;requests&gt;   (top 10 per 30 s window, every 10 s)
 * </pre>
 *
 * Fields are separated by tabs; ranks start at 1, by count descending then endpoint ascending.
 */
public final class ResultLines {
  private ResultLines() {}

  public static String rejected(long count) {
    return "rejected\t" + count;
  }

  public static String status(int status, long count) {
    return "status\t" + status + "\t" + count;
  }

  public static String top(long windowStartMillis, int rank, String endpoint, long count) {
    return "top\t" + Instant.ofEpochMilli(windowStartMillis) + "\t" + rank + "\t" + endpoint + "\t" + count;
  }

  public static void write(Path file, Collection<String> lines) throws IOException {
    List<String> sorted = new ArrayList<>(lines);
    sorted.sort(null);
    Files.write(file, sorted, StandardCharsets.UTF_8);
  }

  public static List<String> read(Path file) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.sort(null);
    return lines;
  }

  /**
   * Up to {@code max} human-readable differences between the expected and the actual lines (both sorted);
   * empty when they are equal. A line present twice on one side and once on the other is a difference.
   */
  public static List<String> differences(List<String> expected, List<String> actual, int max) {
    Map<String, Integer> balance = new TreeMap<>();
    expected.forEach(l -> balance.merge(l, 1, Integer::sum));
    actual.forEach(l -> balance.merge(l, -1, Integer::sum));
    List<String> out = new ArrayList<>();
    int total = 0;
    for (Map.Entry<String, Integer> e : balance.entrySet()) {
      int n = e.getValue();
      if (n == 0) {
        continue;
      }
      total++;
      if (out.size() < max) {
        String times = Math.abs(n) == 1 ? "" : " (x" + Math.abs(n) + ")";
        out.add((n > 0 ? "missing: " : "unexpected: ") + e.getKey().replace('\t', ' ') + times);
      }
    }
    if (total > out.size()) {
      out.add("... " + (total - out.size()) + " more differing lines");
    }
    return out;
  }

  /** A one-line summary of a result set: windows ranked, statuses, rejected lines, records counted. */
  public static String summary(List<String> lines) {
    long windows = lines.stream().filter(l -> l.startsWith("top\t")).map(l -> l.split("\t")[1]).distinct().count();
    long responses = 0;
    int statuses = 0;
    String rejected = "?";
    for (String l : lines) {
      String[] f = l.split("\t");
      if (f[0].equals("status")) {
        statuses++;
        responses += Long.parseLong(f[2]);
      } else if (f[0].equals("rejected")) {
        rejected = f[1];
      }
    }
    return windows + " windows ranked, " + statuses + " statuses over " + responses + " responses, " + rejected
        + " lines rejected";
  }
}
