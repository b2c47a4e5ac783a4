package dev.tributary.io.jdbc;

import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.common.DeadLetterCoder;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.table.ResultTable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Writes result tables to a database table, one row per result row, keeping it up to date as windows
 * fire again: Spark's {@code foreachBatch} to JDBC, with the upsert done for you.
 *
 * <pre>{@code
 * PCollection<DeadLetter> refused = statusTables.apply("SaveStatusCounts",
 *     JdbcUpsertIO.write()
 *         .withJdbcUrl("jdbc:h2:file:./out/analytics")          // or jdbc:postgresql://127.0.0.1:5432/db
 *         .withUser("sa").withPassword("")
 *         .withTable("status_counts")
 *         .withKeyColumns("status")
 *         .withOutputMode(OutputMode.COMPLETE));
 * }</pre>
 *
 * <h3>Table layout</h3>
 *
 * <p>The result's {@link org.apache.beam.sdk.schemas.Schema} gives the columns. Windowed results add
 * {@code window_start} and {@code window_end} in front, and every table ends with {@code pane}, the index
 * of the firing that wrote the row. The row's identity (the primary key) is the window columns, the
 * {@link Write#withKeyColumns key columns}, and in append mode {@code pane}. Unless {@link
 * Write#withCreateTable withCreateTable(false)}, the table is created if missing with this DDL, in which
 * non-nullable fields are {@code NOT NULL}:
 *
 * <table>
 *   <caption>Column types</caption>
 *   <tr><th>Beam</th><th>H2</th><th>PostgreSQL</th></tr>
 *   <tr><td>BYTE, INT16</td><td colspan="2">SMALLINT</td></tr>
 *   <tr><td>INT32</td><td colspan="2">INTEGER</td></tr>
 *   <tr><td>INT64 (and {@code pane})</td><td colspan="2">BIGINT</td></tr>
 *   <tr><td>FLOAT</td><td colspan="2">REAL</td></tr>
 *   <tr><td>DOUBLE</td><td colspan="2">DOUBLE PRECISION</td></tr>
 *   <tr><td>DECIMAL</td><td>DECFLOAT</td><td>NUMERIC</td></tr>
 *   <tr><td>BOOLEAN</td><td colspan="2">BOOLEAN</td></tr>
 *   <tr><td>STRING</td><td colspan="2">CHARACTER VARYING</td></tr>
 *   <tr><td>DATETIME (and the window columns)</td><td colspan="2">TIMESTAMP WITH TIME ZONE</td></tr>
 *   <tr><td>BYTES</td><td>VARBINARY</td><td>BYTEA</td></tr>
 * </table>
 *
 * <p>Other types (arrays, maps, nested rows, logical types) are refused. Names are double-quoted, so they
 * keep their case: in H2 query {@code "status_counts"} with quotes, or add {@code ;DATABASE_TO_LOWER=TRUE}
 * to the URL. A table created beforehand must have the same columns and a primary key on the identity.
 *
 * <h3>Output modes</h3>
 *
 * <ul>
 *   <li>{@link OutputMode#UPDATE} (default): each row is upserted (inserted, or updated by its identity).
 *       Rows of the window that the firing does not carry keep their values, as Spark's update mode emits
 *       only the changed rows. One row per key and window.
 *   <li>{@link OutputMode#COMPLETE}: the firing is the whole result, so it replaces the window's rows (all
 *       rows, for results without windows): the window's previous rows are deleted and the firing's rows
 *       upserted, in one transaction, so a reader sees the previous firing or this one, never a mix. One
 *       row per key and window; a key the latest firing no longer has is gone.
 *   <li>{@link OutputMode#APPEND}: every firing's rows are kept, identified by their firing ({@code
 *       pane}); each is inserted once.
 * </ul>
 *
 * <p>The SQL per database is documented in {@code SqlDialect}. Values are always statement parameters; table and column
 * names are checked (letters, digits, {@code _}) and quoted.
 *
 * <h3>Transactions, retries and refused rows</h3>
 *
 * <p>Each firing is written in one transaction, its rows sent in JDBC batches of {@link
 * Write#withBatchSize} (default 1000). When the connection or the transaction fails (SQLSTATE classes 08,
 * 40, 53, 57P, timeouts), the transaction is rolled back and the whole firing written again on a new
 * connection, up to {@link Write#withMaxAttempts} attempts (default 6) with a doubling backoff from 200 ms
 * up to 10 s ({@link Write#withBackoff}); then the pipeline fails with a {@link JdbcWriteException} whose
 * one-line message names the query, window, table and last cause. Because every statement is idempotent,
 * a retry never loses a row nor writes one twice. Other SQL errors (missing column, bad credentials, bad
 * SQL) fail at once, the same way.
 *
 * <p>A row that the database refuses (SQLSTATE classes 22 and 23: {@code NOT NULL}, {@code CHECK}, value
 * out of range) does not stop the pipeline: it is returned as a {@link DeadLetter} (input: the row as
 * {@link dev.tributary.io.json.ResultTableJson JSON} with its window and pane; reason: the database's
 * one-line message with its SQLSTATE), and the firing's other rows are committed. The dead letters are
 * also counted ({@value #NAMESPACE}/rows_dead_lettered) and logged, so ignoring the output
 * loses nothing silently.
 *
 * <h3>Limits</h3>
 *
 * <ul>
 *   <li>Firings are written as they come; pane indexes are not compared (a restarted job counts from
 *       pane 0 again). Firings of a window are produced one after another, so only a replay of an old
 *       firing after a newer one was written (a runner retrying a failed bundle late) could overwrite
 *       newer rows with older ones; the next firing corrects them.
 *   <li>An H2 file database ({@code jdbc:h2:file:...}) is open to one process at a time; add {@code
 *       ;AUTO_SERVER=TRUE} to the URL to read it while the job runs.
 *   <li>The password travels with the pipeline, like any option; use {@link Write#withConnectionFactory}
 *       to fetch credentials on the workers instead.
 * </ul>
 */
public final class JdbcUpsertIO {
  /**
   * Beam counters: {@code rows_written}, {@code rows_dead_lettered}, and {@code retries} (attempts
   * repeated after a connection or transaction failure).
   */
  public static final String NAMESPACE = "tributary.jdbc";

  private JdbcUpsertIO() {}

  public static Write write() {
    return new Write(new UpsertSpec());
  }

  /** Writes each {@link ResultTable}; outputs the rows the database refused. */
  public static final class Write extends PTransform<PCollection<ResultTable>, PCollection<DeadLetter>> {
    private final UpsertSpec spec;

    private Write(UpsertSpec spec) {
      this.spec = spec;
    }

    /** {@code jdbc:h2:...} or {@code jdbc:postgresql://...}; required, it also picks the SQL dialect. */
    public Write withJdbcUrl(String url) {
      SqlDialect.forUrl(Objects.requireNonNull(url, "url"));
      return new Write(spec.with(s -> s.jdbcUrl = url));
    }

    public Write withUser(@Nullable String user) {
      return new Write(spec.with(s -> s.user = user));
    }

    public Write withPassword(@Nullable String password) {
      return new Write(spec.with(s -> s.password = password));
    }

    /** Opens connections instead of {@code DriverManager} with the URL, user and password. */
    public Write withConnectionFactory(JdbcConnectionFactory factory) {
      Objects.requireNonNull(factory, "factory");
      return new Write(spec.with(s -> s.connectionFactory = factory));
    }

    /** The table, optionally with its schema: {@code status_counts} or {@code analytics.status_counts}. */
    public Write withTable(String table) {
      Identifiers.quotedTable(table);
      return new Write(spec.with(s -> s.table = table));
    }

    /**
     * The fields that identify a row within a window, e.g. {@code status}; the window columns are always
     * part of the identity. Results without windows need at least one.
     */
    public Write withKeyColumns(String... columns) {
      List<String> keys = List.copyOf(Arrays.asList(columns));
      for (String key : keys) {
        Identifiers.check(key, "key column");
      }
      return new Write(spec.with(s -> s.keyColumns = keys));
    }

    public Write withOutputMode(OutputMode mode) {
      Objects.requireNonNull(mode, "mode");
      return new Write(spec.with(s -> s.mode = mode));
    }

    /** Rows per JDBC batch within a firing's transaction (default 1000). */
    public Write withBatchSize(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("batch size must be at least 1, got " + rows);
      }
      return new Write(spec.with(s -> s.batchSize = rows));
    }

    /** Attempts per firing when the connection or transaction fails, the first included (default 6). */
    public Write withMaxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("max attempts must be at least 1, got " + attempts);
      }
      return new Write(spec.with(s -> s.maxAttempts = attempts));
    }

    /** The wait after the first failed attempt, doubled after each further one up to {@code max}. */
    public Write withBackoff(Duration initial, Duration max) {
      if (initial.isShorterThan(Duration.ZERO) || max.isShorterThan(initial)) {
        throw new IllegalArgumentException("backoff needs 0 <= initial <= max, got " + initial + ", " + max);
      }
      return new Write(spec.with(s -> {
        s.initialBackoff = initial;
        s.maxBackoff = max;
      }));
    }

    /** Whether to create the table when it is missing (default true). */
    public Write withCreateTable(boolean create) {
      return new Write(spec.with(s -> s.createTable = create));
    }

    /** The configuration, for tests that drive {@link UpsertWriter} without a pipeline. */
    UpsertSpec spec() {
      return spec;
    }

    @Override
    public PCollection<DeadLetter> expand(PCollection<ResultTable> tables) {
      if (spec.jdbcUrl == null) {
        throw new IllegalArgumentException("JdbcUpsertIO.write() needs .withJdbcUrl(url)");
      }
      if (spec.table == null) {
        throw new IllegalArgumentException("JdbcUpsertIO.write() needs .withTable(name)");
      }
      return tables
          .apply("UpsertFirings", ParDo.of(new UpsertFn(spec)))
          .setCoder(DeadLetterCoder.of());
    }
  }

  private static final class UpsertFn extends DoFn<ResultTable, DeadLetter> {
    private final UpsertSpec spec;
    private transient @Nullable UpsertWriter writer;

    UpsertFn(UpsertSpec spec) {
      this.spec = spec;
    }

    @Setup
    public void setup() {
      writer = new UpsertWriter(spec, new CounterStats());
    }

    @ProcessElement
    public void process(@Element ResultTable firing, OutputReceiver<DeadLetter> refused) {
      for (DeadLetter row : writer.write(firing)) {
        refused.output(row);
      }
    }

    @Teardown
    public void teardown() {
      if (writer != null) {
        writer.close();
      }
    }
  }

  private static final class CounterStats implements UpsertWriter.WriteStats {
    private final Counter written = Metrics.counter(NAMESPACE, "rows_written");
    private final Counter refused = Metrics.counter(NAMESPACE, "rows_dead_lettered");
    private final Counter retries = Metrics.counter(NAMESPACE, "retries");

    @Override
    public void written(long rows) {
      written.inc(rows);
    }

    @Override
    public void refused(long rows) {
      refused.inc(rows);
    }

    @Override
    public void retried() {
      retries.inc();
    }
  }
}
