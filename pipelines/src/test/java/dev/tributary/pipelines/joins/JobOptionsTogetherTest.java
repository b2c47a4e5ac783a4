package dev.tributary.pipelines.joins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.pipelines.csv.CsvEventsOptions;
import dev.tributary.pipelines.csv.GenerateCsvOptions;
import dev.tributary.pipelines.events.JsonActionCountsOptions;
import dev.tributary.pipelines.events.JsonActivityOptions;
import dev.tributary.pipelines.generate.GenerateLogsOptions;
import dev.tributary.pipelines.logs.LogAnalyticsOptions;
import dev.tributary.pipelines.serve.LineServerOptions;
import dev.tributary.pipelines.words.WordCountOptions;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * Beam keeps one options registry per JVM and refuses a property that two registered interfaces declare
 * with different defaults or types. The join, event and CSV jobs share names with older jobs ({@code
 * timeMode}, {@code allowedLateness}, {@code files}, {@code outputDir}, {@code seed}, {@code start},
 * {@code host}, {@code port}, {@code input}), so every job's options are registered together here, and each
 * job-specific default is the one applied in code.
 */
class JobOptionsTogetherTest {
  private static final List<Class<? extends PipelineOptions>> ALL =
      List.of(
          LogAnalyticsOptions.class,
          GenerateLogsOptions.class,
          LineServerOptions.class,
          WordCountOptions.class,
          JoinStreamsOptions.class,
          JoinStaticOptions.class,
          JsonActivityOptions.class,
          JsonActionCountsOptions.class,
          GenerateCsvOptions.class,
          CsvEventsOptions.class);

  @Test
  void everyJobsOptionsRegisterInOneJvm() {
    ALL.forEach(PipelineOptionsFactory::register);
    for (Class<? extends PipelineOptions> options : ALL) {
      PipelineOptionsFactory.fromArgs().withValidation().as(options);
    }
    // Shared names keep their job's own defaults.
    GenerateCsvOptions csv = PipelineOptionsFactory.fromArgs().as(GenerateCsvOptions.class);
    assertEquals(42L, csv.getSeed());
    assertEquals(null, csv.getFiles());
    CsvEventsOptions events = PipelineOptionsFactory.fromArgs().as(CsvEventsOptions.class);
    assertEquals("127.0.0.1", events.getHost());
    assertEquals(9999, events.getPort());
  }
}
