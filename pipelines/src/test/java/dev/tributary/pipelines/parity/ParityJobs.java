package dev.tributary.pipelines.parity;

import dev.tributary.pipelines.RepoPaths;
import java.nio.file.Path;
import java.util.List;

/**
 * Every job of the repository, over its bundled sample, as the parity suite runs it on Direct, Spark and
 * Flink. A new job adds its line here.
 */
public final class ParityJobs {
  private ParityJobs() {}

  public static List<ParityJob> all() {
    Path data = RepoPaths.data();
    return List.of(
        job("logs-sample", "logs", "--input=" + data.resolve("logs")),
        job("logs-real-hourly", "logs", "--input=" + data.resolve("real"), "--windowSize=1h", "--windowSlide=1h"),
        job("word-count", "word-count", "--input=" + data.resolve("words")),
        job("word-count-complete-lower", "word-count", "--input=" + data.resolve("words"), "--outputMode=complete",
            "--lowerCase"),
        job("running-word-count", "running-word-count", "--input=" + data.resolve("words")),
        // Processing-time timers in a batch: Direct ends with them unfired, Spark fires them at the end; the
        // totals are the same.
        job("running-word-count-expiry", "running-word-count", "--input=" + data.resolve("words"), "--idleExpiry=1s"),
        job("windowed-word-count", "windowed-word-count", "--input=" + data.resolve("words/timed")),
        job("windowed-word-count-complete", "windowed-word-count", "--input=" + data.resolve("words/timed"),
            "--outputMode=complete"),
        job("trending-hashtags", "trending-hashtags", "--input=" + data.resolve("hashtags")),
        job("filter-lines", "filter-lines", "--input=" + data.resolve("words")),
        job("filter-lines-long", "filter-lines", "--input=" + data.resolve("words"), "--longerThan=40"));
  }

  private static ParityJob job(String name, String... args) {
    return new ParityJob(name, List.of(args));
  }
}
