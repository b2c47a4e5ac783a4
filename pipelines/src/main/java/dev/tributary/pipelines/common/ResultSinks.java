package dev.tributary.pipelines.common;

import dev.tributary.io.console.ConsoleIO;
import dev.tributary.io.jdbc.JdbcUpsertIO;
import dev.tributary.io.json.DeadLetterJson;
import dev.tributary.io.json.JsonLinesIO;
import dev.tributary.io.json.ResultTableJson;
import dev.tributary.pipelines.cli.RunnerLimits;
import dev.tributary.transforms.common.CountSinceStart;
import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.common.Durations;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.table.ResultTable;
import dev.tributary.transforms.table.ToResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Sends a job's result tables where its options say: always the console, plus JSON Lines files with {@code
 * --output} and database tables with {@code --jdbcUrl}. Dead letters are shown as a running count per
 * reason and, with {@code --output}, written one by one, so that nothing is dropped silently.
 */
public final class ResultSinks {
  /** Columns of a table of dead letters counted by reason. */
  public static final Schema REASON_SCHEMA = Schema.builder().addStringField("reason").addInt64Field("count").build();

  /** Prefix of the tables of result rows the database refused, one per result table. */
  public static final String REFUSED_ROWS = "refused_rows";

  private final ConsoleIO.Write console;
  private final @Nullable String output;
  private final @Nullable JdbcOptions jdbc;
  private final boolean streaming;
  private final Duration updateEvery;

  private ResultSinks(
      ConsoleIO.Write console, @Nullable String output, @Nullable JdbcOptions jdbc, boolean streaming, Duration updateEvery) {
    this.console = console;
    this.output = output;
    this.jdbc = jdbc;
    this.streaming = streaming;
    this.updateEvery = updateEvery;
  }

  /**
   * Checks the options; a bad one throws {@link IllegalArgumentException} with a message fit to show the
   * user. {@code options} may also be {@link JdbcOptions}; then {@code --jdbcUrl} is honoured.
   */
  public static ResultSinks from(ResultOptions options, boolean streaming) {
    return from(options, streaming, 20, true);
  }

  /** As {@link #from(ResultOptions, boolean)}, for a job whose console shows other defaults. */
  public static ResultSinks from(
      ResultOptions options, boolean streaming, int defaultNumRows, boolean defaultTruncate) {
    int numRows = options.getNumRows() == null ? defaultNumRows : options.getNumRows();
    boolean truncate = options.getTruncate() == null ? defaultTruncate : options.getTruncate();
    if (numRows < 1) {
      throw new IllegalArgumentException("--numRows must be at least 1, got " + numRows);
    }
    String output = blankToNull(options.getOutput());
    if (streaming && output != null) {
      RunnerLimits.checkStreamingFlushes(options, "--output");
    }
    JdbcOptions jdbc = null;
    if (options instanceof JdbcOptions && blankToNull(((JdbcOptions) options).getJdbcUrl()) != null) {
      jdbc = (JdbcOptions) options;
      if (!jdbc.getJdbcUrl().startsWith("jdbc:")) {
        throw new IllegalArgumentException("--jdbcUrl=" + jdbc.getJdbcUrl() + " is not a JDBC URL (jdbc:...)");
      }
    }
    ConsoleIO.Write console = ConsoleIO.write().withNumRows(numRows).withTruncate(truncate);
    Duration updateEvery = Durations.parsePositive("updateInterval", options.getUpdateInterval());
    return new ResultSinks(console, output, jdbc, streaming, updateEvery);
  }

  public boolean streaming() {
    return streaming;
  }

  /** How often streaming results are re-emitted or flushed, from {@code --updateInterval}. */
  public Duration updateEvery() {
    return updateEvery;
  }

  /**
   * Writes the tables named {@code query} to every sink. In the database they go to table {@code query},
   * one row per {@code keyColumns} (and window) in update and complete mode.
   */
  public void write(PCollection<ResultTable> tables, String query, OutputMode mode, String... keyColumns) {
    tables.apply("Print " + query, console);
    if (output != null) {
      tables
          .apply("AsJson " + query, FlatMapElements.into(TypeDescriptors.strings()).via(ResultTableJson::toJsonLines))
          .apply("WriteJson " + query, jsonFiles(query));
    }
    if (jdbc != null) {
      PCollection<DeadLetter> refused =
          tables.apply(
              "Upsert " + query,
              JdbcUpsertIO.write()
                  .withJdbcUrl(jdbc.getJdbcUrl())
                  .withUser(jdbc.getJdbcUser())
                  .withPassword(jdbc.getJdbcPassword())
                  .withTable(query)
                  .withKeyColumns(keyColumns)
                  .withOutputMode(mode));
      countByReason(refused, REFUSED_ROWS + "_" + query);
    }
  }

  /**
   * Shows the dead letters as a running count per reason, table {@code query}; with {@code --output} each
   * one is also written, with its input and reason.
   */
  public void writeDeadLetters(PCollection<DeadLetter> deadLetters, String query) {
    countByReason(deadLetters, query);
    if (output != null) {
      deadLetters
          .apply("AsJson " + query, MapElements.into(TypeDescriptors.strings()).via(DeadLetterJson::toJson))
          .apply("WriteJson " + query, jsonFiles(query));
    }
  }

  private void countByReason(PCollection<DeadLetter> deadLetters, String query) {
    CountSinceStart<String> count = CountSinceStart.create();
    deadLetters
        .apply("Reason " + query, MapElements.into(TypeDescriptors.strings()).via(DeadLetter::getReason))
        .apply("CountByReason " + query, streaming ? count.withUpdateEvery(updateEvery) : count)
        .apply("Table " + query, ToResultTable.of(query, REASON_SCHEMA, ResultSinks::reasonRows))
        .apply("Print " + query, console);
  }

  /** Most frequent reason first. */
  static List<Row> reasonRows(Map<String, Long> counts) {
    List<Row> rows = new ArrayList<>(counts.size());
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> rows.add(Row.withSchema(REASON_SCHEMA).addValues(e.getKey(), e.getValue()).build()));
    return rows;
  }

  private JsonLinesIO.Write jsonFiles(String query) {
    return JsonLinesIO.write().to(output + "-" + query).withFlushEvery(updateEvery);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
