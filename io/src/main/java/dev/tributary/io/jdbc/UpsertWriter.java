package dev.tributary.io.jdbc;

import dev.tributary.io.json.ResultTableJson;
import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.table.ResultTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes firings to one table over one connection, kept open between firings. Not thread-safe: one per
 * DoFn instance.
 *
 * <p>Each firing is one transaction, its rows sent in JDBC batches; in complete mode the transaction
 * starts by deleting the window's previous rows. A connection or transaction failure rolls back, opens a
 * new connection and writes the whole firing again, after a backoff. Every statement is an upsert (an
 * insert-if-absent in append mode), so a retry can neither lose a row nor write one twice, even when the
 * failure hid a commit that had in fact succeeded.
 *
 * <p>When the database refuses a value (a constraint or data error), the batch is rolled back and the
 * firing is written again row by row, each under a savepoint: the refused rows become dead letters, and
 * the others still commit together.
 */
final class UpsertWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpsertWriter.class);

  private final UpsertSpec spec;
  private final SqlDialect dialect;
  private final JdbcConnectionFactory connections;
  private final RetryBackoff backoff;
  private final Map<String, TableLayout> layouts = new HashMap<>();
  private final Set<String> created = new HashSet<>();
  private final WriteStats stats;
  private @Nullable Connection connection;

  UpsertWriter(UpsertSpec spec) {
    this(spec, WriteStats.NONE);
  }

  UpsertWriter(UpsertSpec spec, WriteStats stats) {
    this.spec = spec;
    this.stats = stats;
    this.dialect = spec.dialect();
    this.connections = spec.connections();
    this.backoff = new RetryBackoff(spec.initialBackoff, spec.maxBackoff);
  }

  /** Writes one firing; returns its rows that the database refused, as dead letters. */
  List<DeadLetter> write(ResultTable firing) {
    TableLayout layout = layoutFor(firing);
    checkKeysUnique(layout, firing);
    long start = System.nanoTime();
    boolean rowByRow = false;
    int failures = 0;
    while (true) {
      try {
        Connection c = connection(layout);
        List<DeadLetter> rejected = rowByRow ? writeRowByRow(c, layout, firing) : writeBatched(c, layout, firing);
        stats.written(firing.getRows().size() - rejected.size());
        stats.refused(rejected.size());
        return rejected;
      } catch (SQLException e) {
        rollbackQuietly();
        SqlErrors.Kind kind = SqlErrors.classify(e);
        if (kind == SqlErrors.Kind.REJECTED_ROW && !rowByRow) {
          LOG.info("{}: a row was refused ({}); writing the firing again row by row", spec.target(),
              SqlErrors.oneLine(e));
          rowByRow = true;
          continue;
        }
        if (kind == SqlErrors.Kind.TRANSIENT) {
          failures++;
          discardConnection();
          if (failures >= spec.maxAttempts) {
            throw failure(firing, String.format(Locale.ROOT, "gave up after %d attempts in %.1f s; last error: %s",
                failures, (System.nanoTime() - start) / 1e9, SqlErrors.oneLine(e)), e);
          }
          stats.retried();
          LOG.warn("{}: attempt {} of {} failed, retrying: {}", spec.target(), failures, spec.maxAttempts,
              SqlErrors.oneLine(e));
          backoff.sleepAfter(failures);
          continue;
        }
        // Class 42 is a statement the database cannot run as written: most often a table made beforehand.
        String hint = stateClass(e, "42")
            ? " (JdbcUpsertIO expects the table to be: " + layout.createTableSql() + ")"
            : "";
        throw failure(firing, SqlErrors.oneLine(e) + hint, e);
      }
    }
  }

  private List<DeadLetter> writeBatched(Connection c, TableLayout layout, ResultTable firing) throws SQLException {
    clearScope(c, layout, firing);
    try (PreparedStatement upsert = c.prepareStatement(layout.upsertSql())) {
      int pending = 0;
      for (Row row : firing.getRows()) {
        layout.bindRow(upsert, firing, row);
        upsert.addBatch();
        if (++pending == spec.batchSize) {
          upsert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        upsert.executeBatch();
      }
    }
    c.commit();
    return List.of();
  }

  private List<DeadLetter> writeRowByRow(Connection c, TableLayout layout, ResultTable firing)
      throws SQLException {
    List<DeadLetter> rejected = new ArrayList<>();
    clearScope(c, layout, firing);
    try (PreparedStatement upsert = c.prepareStatement(layout.upsertSql())) {
      for (Row row : firing.getRows()) {
        Savepoint beforeRow = c.setSavepoint();
        try {
          layout.bindRow(upsert, firing, row);
          upsert.executeUpdate();
          c.releaseSavepoint(beforeRow);
        } catch (SQLException e) {
          if (SqlErrors.classify(e) != SqlErrors.Kind.REJECTED_ROW) {
            throw e;
          }
          // Undoes only this row; in PostgreSQL this also revives the transaction the error aborted.
          c.rollback(beforeRow);
          rejected.add(deadLetter(firing, row, e));
        }
      }
    }
    c.commit();
    for (DeadLetter d : rejected) {
      LOG.warn("{}: dead letter: {}", spec.target(), d.getReason());
    }
    return rejected;
  }

  /** In complete mode, the firing replaces its window's rows (all rows, without windows). */
  private void clearScope(Connection c, TableLayout layout, ResultTable firing) throws SQLException {
    if (spec.mode != OutputMode.COMPLETE) {
      return;
    }
    try (PreparedStatement delete = c.prepareStatement(layout.deleteFiringScopeSql())) {
      layout.bindFiringScope(delete, firing);
      delete.executeUpdate();
    }
  }

  private DeadLetter deadLetter(ResultTable firing, Row row, SQLException e) {
    ResultTable oneRow = new ResultTable(
        firing.getQuery(), firing.getWindow(), firing.getPane(), firing.getSchema(), List.of(row));
    String input = ResultTableJson.toJsonLines(oneRow).get(0);
    return new DeadLetter(input, "row refused by " + spec.target() + ": " + SqlErrors.oneLine(e));
  }

  private Connection connection(TableLayout layout) throws SQLException {
    if (connection == null) {
      Connection c = connections.open();
      try {
        c.setAutoCommit(false);
      } catch (SQLException e) {
        closeQuietly(c);
        throw e;
      }
      connection = c;
    }
    if (spec.createTable && created.add(layout.createTableSql())) {
      try {
        createTable(connection, layout);
      } catch (SQLException e) {
        created.remove(layout.createTableSql());
        throw e;
      }
    }
    return connection;
  }

  private void createTable(Connection c, TableLayout layout) throws SQLException {
    try (Statement ddl = c.createStatement()) {
      ddl.execute(layout.createTableSql());
      c.commit();
    } catch (SQLException e) {
      // Two writers creating the same table at once: PostgreSQL lets one of them fail with a duplicate.
      if ("42P07".equals(e.getSQLState()) || "23505".equals(e.getSQLState())) {
        c.rollback();
        return;
      }
      throw e;
    }
  }

  private TableLayout layoutFor(ResultTable firing) {
    Schema schema = firing.getSchema();
    boolean windowed = firing.getWindow() != null;
    String key = windowed + "|" + schema.getFields();
    return layouts.computeIfAbsent(key,
        k -> new TableLayout(dialect, spec.table, schema, windowed, spec.keyColumns, spec.mode));
  }

  /** Two rows of one firing with the same key would overwrite each other: the key columns are wrong. */
  private void checkKeysUnique(TableLayout layout, ResultTable firing) {
    Set<List<Object>> seen = new HashSet<>();
    for (Row row : firing.getRows()) {
      List<Object> key = layout.keyOf(row);
      if (!key.contains(null) && !seen.add(key)) {
        throw new IllegalArgumentException("two rows of one firing of '" + firing.getQuery() + "' have the key ("
            + layout.describeKey(row) + "), so " + spec.target() + " would keep only one: the key columns "
            + spec.keyColumns + " must identify a row within a window; check withKeyColumns");
      }
    }
  }

  /** What the writer did, for metrics; outside a pipeline there is nowhere to report it. */
  interface WriteStats {
    WriteStats NONE = new WriteStats() {};

    default void written(long rows) {}

    default void refused(long rows) {}

    default void retried() {}
  }

  private JdbcWriteException failure(ResultTable firing, String cause, SQLException e) {
    String window = firing.getWindow() == null ? "since start" : "window " + firing.getWindow();
    return new JdbcWriteException(String.format(Locale.ROOT,
        "JdbcUpsertIO could not write %s (%s, pane %d, %d rows) to %s: %s", firing.getQuery(), window,
        firing.getPane().getIndex(), firing.getRows().size(), spec.target(), cause), e);
  }

  private static boolean stateClass(SQLException e, String prefix) {
    String state = e.getSQLState();
    return state != null && state.startsWith(prefix);
  }

  private void rollbackQuietly() {
    if (connection != null) {
      try {
        connection.rollback();
      } catch (SQLException | RuntimeException ignored) {
        // The connection is probably gone; a transient error discards it next.
      }
    }
  }

  private void discardConnection() {
    if (connection != null) {
      closeQuietly(connection);
      connection = null;
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException | RuntimeException ignored) {
      // Closing a broken connection may fail; there is nothing left to release.
    }
  }

  @Override
  public void close() {
    rollbackQuietly();
    discardConnection();
  }
}
