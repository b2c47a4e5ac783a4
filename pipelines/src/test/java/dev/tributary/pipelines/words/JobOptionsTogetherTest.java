package dev.tributary.pipelines.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tributary.pipelines.filters.FilterLinesOptions;
import dev.tributary.pipelines.hashtags.TrendingHashtagsOptions;
import dev.tributary.pipelines.logs.LogAnalyticsOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * Beam keeps one options registry per JVM and refuses a property declared with {@code @Default} in one
 * registered interface and without it (or with another) in another. Jobs sharing option names (input,
 * timeMode, windowSize, windowSlide, topN, lowerCase) must register side by side, and a default applied in
 * code must not be overridden by another job's annotation.
 */
class JobOptionsTogetherTest {
  @Test
  void allWordJobsRegisterWithTheLogsJob() {
    PipelineOptionsFactory.register(LogAnalyticsOptions.class);
    PipelineOptionsFactory.register(WordCountOptions.class);
    PipelineOptionsFactory.register(RunningWordCountOptions.class);
    PipelineOptionsFactory.register(WindowedWordCountOptions.class);
    PipelineOptionsFactory.register(FilterLinesOptions.class);
    PipelineOptionsFactory.register(TrendingHashtagsOptions.class);

    WindowedWordCountOptions o = PipelineOptionsFactory.fromArgs().as(WindowedWordCountOptions.class);
    assertNull(o.getWindowSize());
    assertNull(o.getTimeMode());
    assertNull(o.as(LogAnalyticsOptions.class).getWindowSize());
    assertEquals(10, o.as(LogAnalyticsOptions.class).getTopN());
    assertEquals(10, o.as(TrendingHashtagsOptions.class).getTopN());
    assertNull(o.as(TrendingHashtagsOptions.class).getWindowSize());
  }
}
