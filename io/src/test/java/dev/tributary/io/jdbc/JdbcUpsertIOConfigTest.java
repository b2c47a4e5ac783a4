package dev.tributary.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.transforms.modes.OutputMode;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.junit.jupiter.api.Test;

/** The generated SQL, exactly, and the mistakes caught before any database is involved. */
class JdbcUpsertIOConfigTest {
  private static final Schema COUNTS = Schema.builder().addStringField("status").addInt64Field("count").build();

  @Test
  void h2UpsertIsMergeByKey() {
    TableLayout layout = new TableLayout(SqlDialect.H2, "status_counts", COUNTS, true, List.of("status"),
        OutputMode.UPDATE);

    assertEquals("CREATE TABLE IF NOT EXISTS \"status_counts\" (\"window_start\" TIMESTAMP WITH TIME ZONE NOT NULL,"
        + " \"window_end\" TIMESTAMP WITH TIME ZONE NOT NULL, \"status\" CHARACTER VARYING NOT NULL,"
        + " \"count\" BIGINT NOT NULL, \"pane\" BIGINT NOT NULL,"
        + " PRIMARY KEY (\"window_start\", \"window_end\", \"status\"))", layout.createTableSql());
    assertEquals("MERGE INTO \"status_counts\" (\"window_start\", \"window_end\", \"status\", \"count\", \"pane\")"
        + " KEY (\"window_start\", \"window_end\", \"status\") VALUES (?, ?, ?, ?, ?)", layout.upsertSql());
  }

  @Test
  void postgresUpsertIsInsertOnConflictUpdate() {
    TableLayout layout = new TableLayout(SqlDialect.POSTGRESQL, "analytics.status_counts", COUNTS, true,
        List.of("status"), OutputMode.COMPLETE);

    assertEquals("INSERT INTO \"analytics\".\"status_counts\" (\"window_start\", \"window_end\", \"status\", \"count\","
        + " \"pane\") VALUES (?, ?, ?, ?, ?) ON CONFLICT (\"window_start\", \"window_end\", \"status\")"
        + " DO UPDATE SET \"count\" = EXCLUDED.\"count\", \"pane\" = EXCLUDED.\"pane\"", layout.upsertSql());
    assertEquals("DELETE FROM \"analytics\".\"status_counts\" WHERE \"window_start\" = ? AND \"window_end\" = ?",
        layout.deleteFiringScopeSql());
  }

  @Test
  void appendModeIdentifiesRowsByTheirFiringAndNeverUpdates() {
    TableLayout pg = new TableLayout(SqlDialect.POSTGRESQL, "t", COUNTS, false, List.of("status"),
        OutputMode.APPEND);
    TableLayout h2 = new TableLayout(SqlDialect.H2, "t", COUNTS, false, List.of("status"), OutputMode.APPEND);

    assertEquals(List.of("status", "pane"), pg.identity());
    assertEquals("INSERT INTO \"t\" (\"status\", \"count\", \"pane\") VALUES (?, ?, ?) ON CONFLICT (\"status\","
        + " \"pane\") DO NOTHING", pg.upsertSql());
    assertEquals("MERGE INTO \"t\" (\"status\", \"count\", \"pane\") KEY (\"status\", \"pane\") VALUES (?, ?, ?)",
        h2.upsertSql());
    assertEquals("DELETE FROM \"t\"", pg.deleteFiringScopeSql());
  }

  @Test
  void columnTypesPerDialect() {
    Schema all = Schema.builder().addByteField("a").addInt16Field("b").addInt32Field("c").addInt64Field("d")
        .addFloatField("e").addDoubleField("f").addDecimalField("g").addBooleanField("h").addStringField("i")
        .addDateTimeField("j").addByteArrayField("k").addNullableField("l", FieldType.STRING).build();
    String columns = "\"a\" SMALLINT NOT NULL, \"b\" SMALLINT NOT NULL, \"c\" INTEGER NOT NULL, \"d\" BIGINT NOT NULL,"
        + " \"e\" REAL NOT NULL, \"f\" DOUBLE PRECISION NOT NULL, \"g\" %s NOT NULL, \"h\" BOOLEAN NOT NULL,"
        + " \"i\" CHARACTER VARYING NOT NULL, \"j\" TIMESTAMP WITH TIME ZONE NOT NULL, \"k\" %s NOT NULL,"
        + " \"l\" CHARACTER VARYING, \"pane\" BIGINT NOT NULL, PRIMARY KEY (\"c\"))";

    assertEquals("CREATE TABLE IF NOT EXISTS \"t\" (" + String.format(columns, "DECFLOAT", "VARBINARY"),
        new TableLayout(SqlDialect.H2, "t", all, false, List.of("c"), OutputMode.UPDATE).createTableSql());
    assertEquals("CREATE TABLE IF NOT EXISTS \"t\" (" + String.format(columns, "NUMERIC", "BYTEA"),
        new TableLayout(SqlDialect.POSTGRESQL, "t", all, false, List.of("c"), OutputMode.UPDATE).createTableSql());
  }

  @Test
  void namesThatAreNotPlainIdentifiersAreRefused() {
    for (String bad : new String[] {"x; DROP TABLE y", "a\"b", "1abc", "", "a.b.c", "sp ace", "x--", "a".repeat(64)}) {
      assertThrows(IllegalArgumentException.class, () -> JdbcUpsertIO.write().withTable(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> JdbcUpsertIO.write().withTable(null));
    assertThrows(IllegalArgumentException.class, () -> JdbcUpsertIO.write().withKeyColumns("status", "x'"));
    JdbcUpsertIO.write().withTable("analytics.status_counts").withKeyColumns("status", "_rank2");
  }

  @Test
  void schemasTheTableCannotHoldAreRefusedWithTheReason() {
    Schema clash = Schema.builder().addStringField("key").addInt64Field("pane").build();
    Schema nested = Schema.builder().addStringField("key").addArrayField("list", FieldType.STRING).build();
    Schema badName = Schema.builder().addStringField("my key").build();

    assertMessage("clashes with a column", () -> layout(clash, true, List.of("key")));
    assertMessage("cannot store Beam type", () -> layout(nested, true, List.of("key")));
    assertMessage("not a plain SQL identifier", () -> layout(badName, true, List.of()));
    assertMessage("is not a field of the result schema", () -> layout(COUNTS, true, List.of("code")));
    assertMessage("need key columns", () -> layout(COUNTS, false, List.of()));
    layout(COUNTS, true, List.of()); // windowed: the window alone may identify the row
  }

  @Test
  void missingOrUnsupportedConnectionSettingsFailWhenBuilt() {
    assertMessage("speaks H2 (jdbc:h2:...) and PostgreSQL",
        () -> JdbcUpsertIO.write().withJdbcUrl("jdbc:mysql://127.0.0.1/x?password=secret"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JdbcUpsertIO.write().withJdbcUrl("jdbc:mysql://127.0.0.1/x?password=secret"));
    assertTrue(!e.getMessage().contains("secret"), e.getMessage());

    // Checked before the input is looked at, so no pipeline is needed to see it.
    assertMessage("needs .withJdbcUrl", () -> JdbcUpsertIO.write().withTable("t").expand(null));
    assertMessage("needs .withTable", () -> JdbcUpsertIO.write().withJdbcUrl("jdbc:h2:mem:x").expand(null));
  }

  @Test
  void errorsAreSortedByWhatToDoAboutThem() {
    assertEquals(SqlErrors.Kind.TRANSIENT, SqlErrors.classify(new SQLException("refused", "08001")));
    assertEquals(SqlErrors.Kind.TRANSIENT, SqlErrors.classify(new SQLException("terminated", "57P01")));
    assertEquals(SqlErrors.Kind.TRANSIENT, SqlErrors.classify(new SQLException("deadlock", "40P01")));
    assertEquals(SqlErrors.Kind.TRANSIENT, SqlErrors.classify(new SQLException("h2 closed", "90098")));
    assertEquals(SqlErrors.Kind.TRANSIENT, SqlErrors.classify(new SQLTransientConnectionException("reset")));
    assertEquals(SqlErrors.Kind.REJECTED_ROW, SqlErrors.classify(new SQLException("not null", "23502")));
    assertEquals(SqlErrors.Kind.REJECTED_ROW, SqlErrors.classify(new SQLException("too long", "22001")));
    assertEquals(SqlErrors.Kind.FATAL, SqlErrors.classify(new SQLException("no column", "42703")));
    assertEquals(SqlErrors.Kind.FATAL, SqlErrors.classify(new SQLException("password", "28P01")));

    BatchUpdateException batch = new BatchUpdateException("Batch entry 3 was aborted", null, 0, new int[0]);
    batch.setNextException(new SQLException("ERROR: null value in column \"count\" violates not-null constraint\n"
        + "  Detail: Failing row contains (x, null).", "23502"));
    assertEquals(SqlErrors.Kind.REJECTED_ROW, SqlErrors.classify(batch));
    assertEquals("null value in column \"count\" violates not-null constraint (SQLState 23502)",
        SqlErrors.oneLine(batch));
    assertEquals("NULL not allowed for column \"k\" (SQLState 23502)", SqlErrors.oneLine(new SQLException(
        "NULL not allowed for column \"k\"; SQL statement:\nMERGE INTO \"t\" ... [23502-232]", "23502")));
  }

  @Test
  void backoffDoublesUpToItsCeilingWithSomeJitter() {
    RetryBackoff backoff = new RetryBackoff(org.joda.time.Duration.millis(100), org.joda.time.Duration.millis(350));
    long[] floors = {100, 200, 350, 350};
    for (int failures = 1; failures <= floors.length; failures++) {
      long delay = backoff.delayMillis(failures);
      long floor = floors[failures - 1];
      assertTrue(delay >= floor && delay <= floor * 1.2, failures + ": " + delay);
    }
  }

  private static TableLayout layout(Schema schema, boolean windowed, List<String> keys) {
    return new TableLayout(SqlDialect.H2, "t", schema, windowed, keys, OutputMode.UPDATE);
  }

  private static void assertMessage(String part, org.junit.jupiter.api.function.Executable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
