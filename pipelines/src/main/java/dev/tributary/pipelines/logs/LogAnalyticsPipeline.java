package dev.tributary.pipelines.logs;

import static dev.tributary.pipelines.logs.LogResultTables.REJECTED_LINES;
import static dev.tributary.pipelines.logs.LogResultTables.STATUS_COUNTS;
import static dev.tributary.pipelines.logs.LogResultTables.STATUS_SCHEMA;
import static dev.tributary.pipelines.logs.LogResultTables.TOP_ENDPOINTS;
import static dev.tributary.pipelines.logs.LogResultTables.TOP_SCHEMA;

import dev.tributary.io.files.LinesOfFileRange;
import dev.tributary.io.files.WindowedFilesIO;
import dev.tributary.io.s3.TributaryS3;
import dev.tributary.pipelines.common.LineInput;
import dev.tributary.pipelines.common.ResultSinks;
import dev.tributary.transforms.logs.AnalyzeAccessLogs;
import dev.tributary.transforms.logs.CountByStatus;
import dev.tributary.transforms.logs.TopEndpoints;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.table.ResultTable;
import dev.tributary.transforms.table.ToResultTable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.values.PCollection;

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
   * @return the input; when it is unbounded (a watched directory or a socket) the job runs until it is
   *     stopped or, with {@code --stopAfterIdle}, until its input goes quiet
   */
  public static LineInput build(Pipeline p, LogAnalyticsOptions options) {
    TributaryS3.configure(options); // idempotent; also covers callers that bypass the command line
    FileSystems.setDefaultPipelineOptions(options);
    LogAnalyticsSettings s = LogAnalyticsSettings.from(options);
    ResultSinks sinks = s.sinks();

    CountByStatus countByStatus = CountByStatus.create();
    TopEndpoints topEndpoints =
        TopEndpoints.create()
            .withTopN(s.topN())
            .withWindow(s.windowSize(), s.windowSlide())
            .withAllowedLateness(s.allowedLateness());
    if (s.streaming()) {
      countByStatus = countByStatus.withUpdateEvery(sinks.updateEvery());
      topEndpoints = topEndpoints.withEarlyFirings(sinks.updateEvery());
    }
    AnalyzeAccessLogs<String> analyze =
        AnalyzeAccessLogs.create().withStatusCounts(countByStatus).withTopEndpoints(topEndpoints);
    // The watching and socket sources stamp time themselves. A one-time read hands the analysis file ranges
    // unread, so that lines are never elements: each element costs every runner a copy or a check.
    AnalyzeAccessLogs.Result analyzed =
        s.streaming()
            ? s.input().read(p, "FollowLogs").apply("AnalyzeAccessLogs", analyze.withInputTimestamps())
            : s.input()
                .readRanges(p, "CutLogFiles")
                .apply(
                    "AnalyzeAccessLogs",
                    analyze.withTimeMode(s.timeMode()).withLinesOf(new LinesOfFileRange()));

    PCollection<ResultTable> statusTables =
        analyzed
            .statusCounts()
            .apply("StatusTable", ToResultTable.of(STATUS_COUNTS, STATUS_SCHEMA, LogResultTables::statusRows));
    PCollection<ResultTable> topTables =
        analyzed
            .topEndpoints()
            .apply("TopEndpointsTable", ToResultTable.of(TOP_ENDPOINTS, TOP_SCHEMA, LogResultTables::rankRows));
    // Each firing holds the whole table (all statuses; a window's whole ranking), so the database keeps
    // exactly the latest firing's rows.
    sinks.write(statusTables, STATUS_COUNTS, OutputMode.COMPLETE, "status");
    sinks.write(topTables, TOP_ENDPOINTS, OutputMode.COMPLETE, "rank");
    sinks.writeDeadLetters(analyzed.deadLetters(), REJECTED_LINES);

    if (s.windowedFiles() != null) {
      statusTables.apply("WindowedFiles " + STATUS_COUNTS, windowedFiles(STATUS_COUNTS, s));
      topTables.apply("WindowedFiles " + TOP_ENDPOINTS, windowedFiles(TOP_ENDPOINTS, s));
    }
    return s.input();
  }

  private static WindowedFilesIO.Write windowedFiles(String query, LogAnalyticsSettings s) {
    return WindowedFilesIO.write().to(s.windowedFiles() + "-" + query).withSuffix(".jsonl");
  }
}
