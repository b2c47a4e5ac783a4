package dev.tributary.runners.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.pipelines.CliRun;
import dev.tributary.pipelines.parity.ParityJob;
import dev.tributary.pipelines.parity.ParityJobs;
import dev.tributary.pipelines.parity.ResultFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parity suite on Spark: every job of the catalog, over its bundled sample, run from the bundled jar on
 * Spark {@code local[2]} gives the Direct runner's results, as multisets of rows per result and window. Both
 * run in this JVM (see {@link SparkInProcess}); the spark-submit path itself is covered by {@link SparkLocalIT}.
 */
class SparkJobsParityIT {
  @TempDir Path tmp;

  static Stream<ParityJob> jobs() {
    return ParityJobs.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jobs")
  void matchesDirect(ParityJob job) throws Exception {
    Path direct = tmp.resolve("direct");
    Path spark = tmp.resolve("spark");

    CliRun onDirect = CliRun.of(job.commandLine(direct, List.of()).toArray(String[]::new));
    assertEquals(0, onDirect.status(), onDirect.describe());
    SparkInProcess.Result onSpark =
        SparkInProcess.get().run(job.commandLine(spark, List.of("--runner=SparkRunner", "--sparkMaster=local[2]")));
    assertEquals(0, onSpark.status(), onSpark.describe());

    ResultFiles.assertSame(direct, spark, SparkRuns.SPARK_BATCH_TIMINGS);
  }
}
