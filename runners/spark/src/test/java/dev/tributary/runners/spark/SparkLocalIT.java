package dev.tributary.runners.spark;

import static dev.tributary.runners.spark.SparkRuns.SPARK_BATCH_TIMINGS;
import static dev.tributary.runners.spark.SparkRuns.assertSameResults;
import static dev.tributary.runners.spark.SparkRuns.directAsync;
import static dev.tributary.runners.spark.SparkRuns.repoRoot;
import static dev.tributary.runners.spark.SparkRuns.rowCount;
import static dev.tributary.runners.spark.SparkRuns.sparkSubmit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.runners.spark.SparkRuns.Run;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The bundled jar, submitted with bin/spark-submit.sh to Spark in local mode (local[2]), gives the same
 * results as the Direct runner: every window's rows, the status counts, the rejected lines, and the line
 * counts from Beam's metrics. Every job's parity, in-process, is {@link SparkJobsParityIT}.
 */
class SparkLocalIT {
  private static final List<String> LOCAL = List.of("--master", "local[2]");

  @Test
  void bundledSampleLogsGiveTheDirectRunnersResults() throws Exception {
    String[] job = {"logs", "--input=" + repoRoot().resolve("data/logs")};
    CompletableFuture<Run> directRun = directAsync("sample", job);
    Run spark = sparkSubmit("sample-local", LOCAL, withSparkRunner(job));
    Run direct = directRun.join();

    assertEquals(0, direct.status(), direct.describe());
    assertEquals(0, spark.status(), spark.describe());
    assertSameResults(direct, spark, SPARK_BATCH_TIMINGS);
    // 21 windows of 10 endpoints, 9 statuses, 4 rejected lines: the comparison compared something.
    assertEquals(210, rowCount(spark.file("top_endpoints")));
    assertEquals(9, rowCount(spark.file("status_counts")));
    assertEquals(4, rowCount(spark.file("rejected_lines")));
    assertEquals("logs: read 1080 lines: 1076 parsed, 4 rejected", spark.summary(), spark.describe());
    assertEquals(direct.summary(), spark.summary());
  }

  static String[] withSparkRunner(String[] job) {
    String[] args = java.util.Arrays.copyOf(job, job.length + 1);
    args[job.length] = "--runner=SparkRunner";
    return args;
  }
}
