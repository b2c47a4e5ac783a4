package dev.tributary.bench.engines;

import dev.tributary.bench.ResultLines;
import dev.tributary.transforms.common.TopCountsFn;
import dev.tributary.transforms.logs.AccessLogParser;
import dev.tributary.transforms.logs.LogRecord;
import dev.tributary.transforms.logs.MalformedLogLineException;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.KV;

/**
 * The reference: one thread reads the file line by line, parses each line with the product's parser and
 * counts into hash maps. No framework, no serialization, no copies: the practical limit of this job on this
 * machine, and the result every engine must reproduce.
 */
public final class PlainLoopJob implements LogJob {
  static final long WINDOW_MILLIS = 30_000;
  static final long SLIDE_MILLIS = 10_000;
  static final int TOP_N = 10;

  private final Map<Integer, long[]> statusCounts = new HashMap<>();
  private final Map<Long, Map<String, long[]>> windows = new HashMap<>();
  private long rejected;
  private List<String> results = List.of();

  @Override
  public void run(Path input, Path scratch) throws Exception {
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        LogRecord r;
        try {
          r = AccessLogParser.parse(line);
        } catch (MalformedLogLineException e) {
          rejected++;
          continue;
        }
        statusCounts.computeIfAbsent(r.getStatus(), s -> new long[1])[0]++;
        String endpoint = r.getEndpoint();
        if (endpoint != null) {
          long t = r.getTimestamp().getMillis();
          // Every window [start, start + 30 s) with start a multiple of 10 s that contains t.
          long last = t - Math.floorMod(t, SLIDE_MILLIS);
          for (long start = last; start > t - WINDOW_MILLIS; start -= SLIDE_MILLIS) {
            windows.computeIfAbsent(start, s -> new HashMap<>()).computeIfAbsent(endpoint, e -> new long[1])[0]++;
          }
        }
      }
    }
    results = rank();
  }

  @Override
  public List<String> results(Path scratch) {
    return results;
  }

  private List<String> rank() {
    List<String> lines = new ArrayList<>();
    lines.add(ResultLines.rejected(rejected));
    statusCounts.forEach((s, n) -> lines.add(ResultLines.status(s, n[0])));
    windows.forEach(
        (start, counts) -> {
          List<KV<String, Long>> ranked = new ArrayList<>(counts.size());
          counts.forEach((e, n) -> ranked.add(KV.of(e, n[0])));
          ranked.sort(TopCountsFn.ranking());
          for (int i = 0; i < Math.min(TOP_N, ranked.size()); i++) {
            lines.add(ResultLines.top(start, i + 1, ranked.get(i).getKey(), ranked.get(i).getValue()));
          }
        });
    return lines;
  }
}
