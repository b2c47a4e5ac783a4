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
            "--lowerCase"));
  }

  private static ParityJob job(String name, String... args) {
    return new ParityJob(name, List.of(args));
  }
}
