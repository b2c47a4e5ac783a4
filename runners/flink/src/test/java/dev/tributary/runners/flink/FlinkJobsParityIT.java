package dev.tributary.runners.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.pipelines.CliRun;
import dev.tributary.pipelines.parity.ParityJob;
import dev.tributary.pipelines.parity.ParityJobs;
import dev.tributary.pipelines.parity.ResultFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parity suite on Flink: every job of the catalog, over its bundled sample, on embedded Flink with
 * parallelism 2 (which exposes ordering assumptions Direct hides) gives the Direct runner's results, as
 * multisets of rows per result and window. Both run in this JVM, through the command line.
 */
class FlinkJobsParityIT {
  /** Flink's batch mode reports every pane's timing as unknown. */
  private static final Set<String> FLINK_BATCH_TIMINGS = Set.of("unknown", "on_time");

  @TempDir Path tmp;

  static Stream<ParityJob> jobs() {
    return ParityJobs.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jobs")
  void matchesDirect(ParityJob job) throws Exception {
    Path direct = tmp.resolve("direct");
    Path flink = tmp.resolve("flink");

    CliRun onDirect = CliRun.of(job.commandLine(direct, List.of()).toArray(String[]::new));
    assertEquals(0, onDirect.status(), onDirect.describe());
    CliRun onFlink =
        CliRun.of(job.commandLine(flink, List.of("--runner=FlinkRunner", "--parallelism=2")).toArray(String[]::new));
    assertEquals(0, onFlink.status(), onFlink.describe());

    ResultFiles.assertSame(direct, flink, FLINK_BATCH_TIMINGS);
  }
}
