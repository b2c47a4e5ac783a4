package dev.tributary.bench.engines;

import java.nio.file.Path;
import java.util.List;

/**
 * The benchmarked job on one engine: parse every line, count responses per status over the whole file,
 * count rejected lines, and rank the top 10 endpoints of every 30 s window sliding by 10 s, windows placed by
 * the request time written in the log.
 */
public interface LogJob {
  /** Runs the job over {@code input}; {@code scratch} is an empty directory it may use. Timed. */
  void run(Path input, Path scratch) throws Exception;

  /** The results of the run, as {@link dev.tributary.bench.ResultLines}. Not timed. */
  List<String> results(Path scratch) throws Exception;
}
