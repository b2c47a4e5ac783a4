package dev.tributary.pipelines.logs;

import dev.tributary.io.console.ConsoleIO;
import dev.tributary.io.files.WatchedTextIO;
import dev.tributary.io.json.DeadLetterJson;
import dev.tributary.io.json.JsonLinesIO;
import dev.tributary.io.json.ResultTableJson;
import dev.tributary.pipelines.cli.Durations;
import dev.tributary.transforms.common.CountSinceStart;
import dev.tributary.transforms.logs.CountByStatus;
import dev.tributary.transforms.logs.LogRecord;
import dev.tributary.transforms.logs.ParseAccessLogs;
import dev.tributary.transforms.logs.TimeMode;
import dev.tributary.transforms.logs.TimestampLogRecords;
import dev.tributary.transforms.logs.TopEndpoints;
import dev.tributary.transforms.table.ResultTable;
import dev.tributary.transforms.table.ToResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * The {@code logs} job, the seeds' Structured Streaming log analysis: read access logs, parse them, and
 * report the running count per HTTP status (complete mode), the top endpoints per sliding window, and the
 * lines that could not be parsed, on the console and optionally as JSON Lines files.
 */
public final class LogAnalyticsPipeline {
  public static final String STATUS_COUNTS = "status_counts";
  public static final String TOP_ENDPOINTS = "top_endpoints";
  public static final String REJECTED_LINES = "rejected_lines";

  static final Schema STATUS_SCHEMA =
      Schema.builder().addInt32Field("status").addInt64Field("count").build();
  static final Schema TOP_SCHEMA =
      Schema.builder().addInt32Field("rank").addStringField("endpoint").addInt64Field("count").build();
  static final Schema REJECTED_SCHEMA =
      Schema.builder().addStringField("reason").addInt64Field("count").build();

  private LogAnalyticsPipeline() {}

  /**
   * Adds the job to {@code p}. Every option is checked first; a bad one throws {@link
   * IllegalArgumentException} with a message fit to show the user as it is.
   */
  public static void build(Pipeline p, LogAnalyticsOptions options) {
    FileSystems.setDefaultPipelineOptions(options);
    boolean follow = options.getFollow();
    Duration size = Durations.parsePositive("windowSize", options.getWindowSize());
    Duration slide = Durations.parsePositive("windowSlide", options.getWindowSlide());
    Duration lateness = Durations.parse("allowedLateness", options.getAllowedLateness());
    Duration updateEvery = Durations.parsePositive("updateInterval", options.getUpdateInterval());
    Duration pollInterval = Durations.parsePositive("pollInterval", options.getPollInterval());
    Duration watermarkLag = Durations.parse("watermarkLag", options.getWatermarkLag());
    Duration stopAfterIdle =
        options.getStopAfterIdle() == null
            ? null
            : Durations.parsePositive("stopAfterIdle", options.getStopAfterIdle());
    if (stopAfterIdle != null && !follow) {
      throw new IllegalArgumentException("--stopAfterIdle only applies with --follow");
    }
    if (options.getTopN() < 1) {
      throw new IllegalArgumentException("--topN must be at least 1, got " + options.getTopN());
    }
    if (options.getNumRows() < 1) {
      throw new IllegalArgumentException("--numRows must be at least 1, got " + options.getNumRows());
    }
    if (slide.isLongerThan(size)) {
      throw new IllegalArgumentException(
          "--windowSlide=" + options.getWindowSlide() + " is longer than --windowSize="
              + options.getWindowSize() + "; requests between windows would be skipped");
    }
    String glob = LogInputs.resolve(options.getInput(), follow);

    PCollection<String> lines;
    if (follow) {
      WatchedTextIO.Read watch =
          WatchedTextIO.read().from(glob).withPollInterval(pollInterval).withWatermarkLag(watermarkLag);
      if (options.getTimeMode() == TimeMode.EVENT) {
        watch = watch.withTimestampFn(new RequestTimeOfLine());
      }
      if (stopAfterIdle != null) {
        watch = watch.stopWhenIdleFor(stopAfterIdle);
      }
      lines = p.apply("WatchLogDirectory", watch);
    } else {
      lines = p.apply("ReadLogFiles", TextIO.read().from(glob));
    }

    ParseAccessLogs.Result parsed = lines.apply("ParseAccessLogs", ParseAccessLogs.create());
    PCollection<LogRecord> records = parsed.records();
    if (!follow) {
      // The watching source stamps time itself; a batch read leaves it to this step.
      records =
          records.apply(
              "AssignTime", TimestampLogRecords.create().withTimeMode(options.getTimeMode()));
    }

    CountByStatus countByStatus = CountByStatus.create();
    TopEndpoints topEndpoints =
        TopEndpoints.create()
            .withTopN(options.getTopN())
            .withWindow(size, slide)
            .withAllowedLateness(lateness);
    CountSinceStart<String> countReasons = CountSinceStart.create();
    if (follow) {
      countByStatus = countByStatus.withUpdateEvery(updateEvery);
      topEndpoints = topEndpoints.withEarlyFirings(updateEvery);
      countReasons = countReasons.withUpdateEvery(updateEvery);
    }

    PCollection<ResultTable> statusTables =
        records
            .apply("CountByStatus", countByStatus)
            .apply("StatusTable", ToResultTable.of(STATUS_COUNTS, STATUS_SCHEMA, LogAnalyticsPipeline::statusRows));
    PCollection<ResultTable> topTables =
        records
            .apply("TopEndpoints", topEndpoints)
            .apply("TopEndpointsTable", ToResultTable.of(TOP_ENDPOINTS, TOP_SCHEMA, LogAnalyticsPipeline::rankRows));
    PCollection<ResultTable> rejectedTables =
        parsed
            .deadLetters()
            .apply("RejectionReason", MapElements.into(TypeDescriptors.strings()).via(d -> d.getReason()))
            .apply("CountRejectedByReason", countReasons)
            .apply("RejectedTable", ToResultTable.of(REJECTED_LINES, REJECTED_SCHEMA, LogAnalyticsPipeline::reasonRows));

    ConsoleIO.Write console =
        ConsoleIO.write().withNumRows(options.getNumRows()).withTruncate(options.getTruncate());
    statusTables.apply("PrintStatusCounts", console);
    topTables.apply("PrintTopEndpoints", console);
    rejectedTables.apply("PrintRejectedLines", console);

    String output = options.getOutput();
    if (output != null && !output.isBlank()) {
      writeJson(statusTables, output + "-" + STATUS_COUNTS, updateEvery);
      writeJson(topTables, output + "-" + TOP_ENDPOINTS, updateEvery);
      parsed
          .deadLetters()
          .apply("RejectedLineAsJson", MapElements.into(TypeDescriptors.strings()).via(DeadLetterJson::toJson))
          .apply("WriteRejectedLines", JsonLinesIO.write().to(output + "-" + REJECTED_LINES).withFlushEvery(updateEvery));
    }
  }

  private static void writeJson(PCollection<ResultTable> tables, String prefix, Duration flushEvery) {
    String query = tables.getName();
    tables
        .apply("AsJson " + query, FlatMapElements.into(TypeDescriptors.strings()).via(ResultTableJson::toJsonLines))
        .apply("WriteJson " + query, JsonLinesIO.write().to(prefix).withFlushEvery(flushEvery));
  }

  static List<Row> statusRows(Map<Integer, Long> counts) {
    List<Row> rows = new ArrayList<>(counts.size());
    counts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> rows.add(Row.withSchema(STATUS_SCHEMA).addValues(e.getKey(), e.getValue()).build()));
    return rows;
  }

  static List<Row> rankRows(List<KV<String, Long>> ranking) {
    List<Row> rows = new ArrayList<>(ranking.size());
    for (int i = 0; i < ranking.size(); i++) {
      KV<String, Long> entry = ranking.get(i);
      rows.add(Row.withSchema(TOP_SCHEMA).addValues(i + 1, entry.getKey(), entry.getValue()).build());
    }
    return rows;
  }

  static List<Row> reasonRows(Map<String, Long> counts) {
    List<Row> rows = new ArrayList<>(counts.size());
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> rows.add(Row.withSchema(REJECTED_SCHEMA).addValues(e.getKey(), e.getValue()).build()));
    return rows;
  }
}
