package dev.tributary.pipelines.logs;

import static dev.tributary.pipelines.logs.LogResultTables.REFUSED_ROWS;
import static dev.tributary.pipelines.logs.LogResultTables.REJECTED_LINES;
import static dev.tributary.pipelines.logs.LogResultTables.REJECTED_SCHEMA;
import static dev.tributary.pipelines.logs.LogResultTables.STATUS_COUNTS;
import static dev.tributary.pipelines.logs.LogResultTables.STATUS_SCHEMA;
import static dev.tributary.pipelines.logs.LogResultTables.TOP_ENDPOINTS;
import static dev.tributary.pipelines.logs.LogResultTables.TOP_SCHEMA;

import dev.tributary.io.console.ConsoleIO;
import dev.tributary.io.files.WindowedFilesIO;
import dev.tributary.io.jdbc.JdbcUpsertIO;
import dev.tributary.io.socket.SocketTextIO;
import dev.tributary.io.files.WatchedTextIO;
import dev.tributary.io.json.DeadLetterJson;
import dev.tributary.io.json.JsonLinesIO;
import dev.tributary.io.json.ResultTableJson;
import dev.tributary.io.s3.TributaryS3;
import dev.tributary.transforms.common.CountSinceStart;
import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.logs.CountByStatus;
import dev.tributary.transforms.logs.LogRecord;
import dev.tributary.transforms.logs.ParseAccessLogs;
import dev.tributary.transforms.logs.TimeMode;
import dev.tributary.transforms.logs.TimestampLogRecords;
import dev.tributary.transforms.logs.TopEndpoints;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.table.ResultTable;
import dev.tributary.transforms.table.ToResultTable;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * The {@code logs} job, the seeds' Structured Streaming log analysis: read access logs, parse them, and
 * report the running count per HTTP status (complete mode), the top endpoints per sliding window, and the
 * lines that could not be parsed, on the console and optionally as JSON Lines files.
 */
public final class LogAnalyticsPipeline {
  private LogAnalyticsPipeline() {}

  /**
   * Adds the job to {@code p}. Every option is checked first; a bad one throws {@link
   * IllegalArgumentException} with a message fit to show the user as it is.
   *
   * @return true when the input is unbounded (a watched directory or a socket), so the job runs until it
   *     is stopped or, with {@code --stopAfterIdle}, until its input goes quiet
   */
  public static boolean build(Pipeline p, LogAnalyticsOptions options) {
    TributaryS3.configure(options); // idempotent; also covers callers that bypass the command line
    FileSystems.setDefaultPipelineOptions(options);
    LogAnalyticsSettings s = LogAnalyticsSettings.from(options);

    ParseAccessLogs.Result parsed = readLines(p, s).apply("ParseAccessLogs", ParseAccessLogs.create());
    PCollection<LogRecord> records = parsed.records();
    if (!s.streaming()) {
      // The watching and socket sources stamp time themselves; a batch read leaves it to this step.
      records = records.apply("AssignTime", TimestampLogRecords.create().withTimeMode(s.timeMode()));
    }

    CountByStatus countByStatus = CountByStatus.create();
    TopEndpoints topEndpoints =
        TopEndpoints.create()
            .withTopN(s.topN())
            .withWindow(s.windowSize(), s.windowSlide())
            .withAllowedLateness(s.allowedLateness());
    if (s.streaming()) {
      countByStatus = countByStatus.withUpdateEvery(s.updateEvery());
      topEndpoints = topEndpoints.withEarlyFirings(s.updateEvery());
    }

    PCollection<ResultTable> statusTables =
        records
            .apply("CountByStatus", countByStatus)
            .apply("StatusTable", ToResultTable.of(STATUS_COUNTS, STATUS_SCHEMA, LogResultTables::statusRows));
    PCollection<ResultTable> topTables =
        records
            .apply("TopEndpoints", topEndpoints)
            .apply("TopEndpointsTable", ToResultTable.of(TOP_ENDPOINTS, TOP_SCHEMA, LogResultTables::rankRows));
    ConsoleIO.Write console = ConsoleIO.write().withNumRows(s.numRows()).withTruncate(s.truncate());
    statusTables.apply("PrintStatusCounts", console);
    topTables.apply("PrintTopEndpoints", console);
    countByReason(parsed.deadLetters(), REJECTED_LINES, s).apply("PrintRejectedLines", console);

    if (s.output() != null) {
      writeJson(statusTables, STATUS_COUNTS, s);
      writeJson(topTables, TOP_ENDPOINTS, s);
      parsed
          .deadLetters()
          .apply("RejectedLineAsJson", MapElements.into(TypeDescriptors.strings()).via(DeadLetterJson::toJson))
          .apply("WriteJson " + REJECTED_LINES, jsonFiles(REJECTED_LINES, s));
    }
    if (s.windowedFiles() != null) {
      statusTables.apply("WindowedFiles " + STATUS_COUNTS, windowedFiles(STATUS_COUNTS, s));
      topTables.apply("WindowedFiles " + TOP_ENDPOINTS, windowedFiles(TOP_ENDPOINTS, s));
    }
    if (s.jdbcUrl() != null) {
      // Rows the database refused (constraint or data errors) are shown per table, never silently lost.
      for (String query : List.of(STATUS_COUNTS, TOP_ENDPOINTS)) {
        PCollection<ResultTable> tables = query.equals(STATUS_COUNTS) ? statusTables : topTables;
        PCollection<DeadLetter> refused =
            tables.apply("Upsert " + query, upsert(options, query, query.equals(STATUS_COUNTS) ? "status" : "rank"));
        countByReason(refused, REFUSED_ROWS + "_" + query, s).apply("PrintRefusedRows " + query, console);
      }
    }
    return s.streaming();
  }

  /** The running count of dead letters per reason, as a table. */
  private static PCollection<ResultTable> countByReason(
      PCollection<DeadLetter> deadLetters, String query, LogAnalyticsSettings s) {
    CountSinceStart<String> count = CountSinceStart.create();
    return deadLetters
        .apply("Reason " + query, MapElements.into(TypeDescriptors.strings()).via(DeadLetter::getReason))
        .apply("CountByReason " + query, s.streaming() ? count.withUpdateEvery(s.updateEvery()) : count)
        .apply("Table " + query, ToResultTable.of(query, REJECTED_SCHEMA, LogResultTables::reasonRows));
  }

  private static WindowedFilesIO.Write windowedFiles(String query, LogAnalyticsSettings s) {
    return WindowedFilesIO.write().to(s.windowedFiles() + "-" + query).withSuffix(".jsonl");
  }

  private static JdbcUpsertIO.Write upsert(LogAnalyticsOptions o, String table, String key) {
    return JdbcUpsertIO.write()
        .withJdbcUrl(o.getJdbcUrl())
        .withUser(o.getJdbcUser())
        .withPassword(o.getJdbcPassword())
        .withTable(table)
        .withKeyColumns(key)
        .withOutputMode(OutputMode.COMPLETE);
  }

  private static PCollection<String> readLines(Pipeline p, LogAnalyticsSettings s) {
    if (s.socket() != null) {
      LogAnalyticsSettings.HostAndPort at = s.socket();
      // Checked here so that an unreachable server is one line at start, not a failed job later.
      SocketTextIO.checkReachable(at.host(), at.port(), Duration.standardSeconds(5));
      SocketTextIO.Read socket = SocketTextIO.read().from(at.host(), at.port()).withWatermarkLag(s.watermarkLag());
      if (s.timeMode() == TimeMode.EVENT) {
        socket = socket.withTimestampFn(new RequestTimeOfLine());
      }
      if (s.stopAfterIdle() != null) {
        socket = socket.stopWhenIdleFor(s.stopAfterIdle());
      }
      return p.apply("ReadSocketLines", socket);
    }
    if (!s.follow()) {
      return p.apply("ReadLogFiles", TextIO.read().from(s.inputGlob()));
    }
    WatchedTextIO.Read watch =
        WatchedTextIO.read()
            .from(s.inputGlob())
            .withPollInterval(s.pollInterval())
            .withWatermarkLag(s.watermarkLag());
    if (s.timeMode() == TimeMode.EVENT) {
      watch = watch.withTimestampFn(new RequestTimeOfLine());
    }
    if (s.stopAfterIdle() != null) {
      watch = watch.stopWhenIdleFor(s.stopAfterIdle());
    }
    return p.apply("WatchLogDirectory", watch);
  }

  private static void writeJson(PCollection<ResultTable> tables, String query, LogAnalyticsSettings s) {
    tables
        .apply("AsJson " + query, FlatMapElements.into(TypeDescriptors.strings()).via(ResultTableJson::toJsonLines))
        .apply("WriteJson " + query, jsonFiles(query, s));
  }

  private static JsonLinesIO.Write jsonFiles(String query, LogAnalyticsSettings s) {
    return JsonLinesIO.write().to(s.output() + "-" + query).withFlushEvery(s.updateEvery());
  }
}
