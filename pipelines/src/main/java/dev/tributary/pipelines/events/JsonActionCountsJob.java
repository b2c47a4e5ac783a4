package dev.tributary.pipelines.events;

import dev.tributary.io.jdbc.JdbcUpsertIO;
import dev.tributary.pipelines.cli.Job;
import dev.tributary.pipelines.common.JobRun;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.transforms.common.CounterTotals;
import dev.tributary.transforms.events.ParseEventLines;
import java.io.PrintStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/** {@code tributary json-action-counts}: runs {@link JsonActionCountsPipeline}; says what it read and wrote. */
public final class JsonActionCountsJob implements Job<JsonActionCountsOptions> {
  @Override
  public String name() {
    return "json-action-counts";
  }

  @Override
  public String description() {
    return "Counts JSON Open/Close actions per 1-hour window and upserts the counts into a database (JDBC; H2 by default).";
  }

  @Override
  public Class<JsonActionCountsOptions> optionsClass() {
    return JsonActionCountsOptions.class;
  }

  @Override
  public int run(JsonActionCountsOptions options, PrintStream out) {
    Pipeline p = Pipeline.create(options);
    LineInput input = JsonActionCountsPipeline.build(p, options);
    PipelineResult result = JobRun.run(p, name(), input.describe(), input.streaming(), out);
    out.printf(
        "%s: %s; %d rows written to %s, table %s%n",
        name(),
        LineCounts.describe(result, ParseEventLines.ACTIONS_NAMESPACE),
        CounterTotals.of(result, JdbcUpsertIO.NAMESPACE, "rows_written"),
        withoutParameters(options.getJdbcUrl()),
        JsonActionCountsPipeline.ACTION_COUNTS);
    return 0;
  }

  /** URL parameters ({@code ?...}, H2's {@code ;...}) may hold a password; they are not shown. */
  static String withoutParameters(String url) {
    int cut = url.length();
    for (char c : new char[] {'?', ';'}) {
      int at = url.indexOf(c);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    return url.substring(0, cut);
  }
}
