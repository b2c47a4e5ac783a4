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
        job("filter-lines-long", "filter-lines", "--input=" + data.resolve("words"), "--longerThan=40"),
        job("join-streams", "join-streams", "--plays=" + data.resolve("joins/plays.csv"),
            "--persons=" + data.resolve("joins/persons.csv")),
        job("join-static-inner", "join-static", "--input=" + data.resolve("joins/plays.csv"),
            "--players=" + data.resolve("joins/players.csv")),
        job("join-static-left-outer", "join-static", "--input=" + data.resolve("joins/plays.csv"),
            "--players=" + data.resolve("joins/players.csv"), "--joinType=left_outer"),
        job("json-activity", "json-activity", "--input=" + data.resolve("events/log.json")),
        // An in-memory database of the run's own, instead of the job's default file under ./out.
        job("json-action-counts", "json-action-counts", "--input=" + data.resolve("events/actions.json"),
            "--jdbcUrl=jdbc:h2:mem:parity_actions;DB_CLOSE_DELAY=-1"),
        job("csv-events-agg", "csv-events", "--mode=csv-agg", "--input=" + data.resolve("csv")),
        job("csv-events-log", "csv-events", "--mode=csv-log", "--input=" + data.resolve("csv")));
  }

  private static ParityJob job(String name, String... args) {
    return new ParityJob(name, List.of(args));
  }
}
