package dev.tributary.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.transforms.common.CountsByKeyFn;
import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.table.ResultTable;
import dev.tributary.transforms.table.ResultTableCoder;
import dev.tributary.transforms.table.ToResultTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.PaneInfo.Timing;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link JdbcUpsertIO} guarantees, run against each database by a subclass. Most cases drive
 * {@link UpsertWriter} directly, firing by firing, which is fast and fixes the order of firings; the
 * pipeline cases check the same through Beam.
 */
abstract class UpsertContract {
  static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");
  static final Schema COUNTS = Schema.builder().addStringField("key").addInt64Field("count").build();
  static final Schema STATUS = Schema.builder().addInt32Field("status").addInt64Field("count").build();
  private static final AtomicInteger TABLES = new AtomicInteger();

  final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
  String table;

  abstract String url();

  abstract String user();

  abstract String password();

  @BeforeEach
  void freshTable() {
    table = "t" + TABLES.incrementAndGet();
  }

  // ----- output modes -----

  @Test
  void completeModeKeepsOneRowPerKeyAndWindowFromTheLatestFiring() throws SQLException {
    JdbcUpsertIO.Write sink = sink().withOutputMode(OutputMode.COMPLETE);

    write(sink,
        firing(window(0, 10), 0, Timing.EARLY, "a", 1, "b", 1),
        firing(window(10, 20), 0, Timing.ON_TIME, "a", 5),
        // The whole result again: b is no longer in it, c is new.
        firing(window(0, 10), 1, Timing.ON_TIME, "a", 3, "c", 1));

    assertEquals(
        List.of(
            "2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|a|3|1",
            "2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|c|1|1",
            "2024-06-01T12:00:10Z|2024-06-01T12:00:20Z|a|5|0"),
        rows());
  }

  @Test
  void completeModeWithoutWindowsReplacesTheWholeTable() throws SQLException {
    JdbcUpsertIO.Write sink = sink().withKeyColumns("status").withOutputMode(OutputMode.COMPLETE);

    write(sink, status(0, 200, 1L), status(1, 200, 2L, 404, 1L), status(2, 200, 4L, 404, 1L));

    assertEquals(List.of("status", "count", "pane"), columns());
    assertEquals(List.of("200|4|2", "404|1|2"), rows());
  }

  @Test
  void updateModeUpsertsTheFiringsRowsAndKeepsTheOthers() throws SQLException {
    JdbcUpsertIO.Write sink = sink().withOutputMode(OutputMode.UPDATE);

    write(sink,
        firing(window(0, 10), 0, Timing.EARLY, "a", 1, "b", 1),
        firing(window(0, 10), 1, Timing.ON_TIME, "a", 3));

    assertEquals(
        List.of(
            "2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|a|3|1",
            "2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|b|1|0"),
        rows());
  }

  @Test
  void appendModeKeepsEveryFiringAndInsertsEachRowOnce() throws SQLException {
    JdbcUpsertIO.Write sink = sink().withOutputMode(OutputMode.APPEND);
    ResultTable second = firing(window(0, 10), 1, Timing.ON_TIME, "a", 3);

    write(sink, firing(window(0, 10), 0, Timing.EARLY, "a", 1, "b", 1), second, second);

    assertEquals(
        List.of(
            "2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|a|1|0",
            "2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|a|3|1",
            "2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|b|1|0"),
        rows());
  }

  // ----- values and names -----

  @Test
  void keysAreStoredVerbatimBecauseValuesAreParameters() throws SQLException {
    sql("CREATE TABLE IF NOT EXISTS x (id INTEGER)");
    List<String> keys = List.of("O'Brien", "'; DROP TABLE x; --", "Robert'); DROP TABLE x;--", "\"quoted\"",
        "back\\slash", "Zoë ☃ 𝄞", "?", "$1");
    Object[] keyCounts = new Object[keys.size() * 2];
    for (int i = 0; i < keys.size(); i++) {
      keyCounts[2 * i] = keys.get(i);
      keyCounts[2 * i + 1] = i;
    }

    write(sink(), firing(window(0, 10), 0, Timing.ON_TIME, keyCounts));

    Map<String, Long> stored = new TreeMap<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT \"key\", \"count\" FROM \"" + table + "\"")) {
      while (r.next()) {
        stored.put(r.getString(1), r.getLong(2));
      }
    }
    Map<String, Long> expected = new TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      expected.put(keys.get(i), (long) i);
    }
    assertEquals(expected, stored);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.executeQuery("SELECT COUNT(*) FROM x").close(); // still there
    }
  }

  @Test
  void everySupportedBeamTypeRoundTrips() throws SQLException {
    Schema all = Schema.builder()
        .addByteField("b").addInt16Field("s").addInt32Field("i").addInt64Field("l")
        .addFloatField("f").addDoubleField("d").addDecimalField("m").addBooleanField("z")
        .addStringField("str").addDateTimeField("ts").addByteArrayField("bin")
        .addNullableField("maybe", FieldType.STRING).addNullableField("maybe_ts", FieldType.DATETIME)
        .build();
    Row row = Row.withSchema(all).addValues((byte) -7, (short) 300, 70_000, 5_000_000_000L, 1.5f, 2.25d,
        new BigDecimal("12345.678901"), true, "text", T0.plus(1), new byte[] {1, 2, 3}, null, null).build();

    write(sink().withKeyColumns("i"),
        new ResultTable("types", null, PaneInfo.ON_TIME_AND_ONLY_FIRING, all, List.of(row)));

    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
      assertTrue(r.next());
      assertEquals(-7, r.getShort("b"));
      assertEquals(300, r.getShort("s"));
      assertEquals(70_000, r.getInt("i"));
      assertEquals(5_000_000_000L, r.getLong("l"));
      assertEquals(1.5f, r.getFloat("f"));
      assertEquals(2.25d, r.getDouble("d"));
      assertEquals(0, new BigDecimal("12345.678901").compareTo(r.getBigDecimal("m")), r.getString("m"));
      assertTrue(r.getBoolean("z"));
      assertEquals("text", r.getString("str"));
      assertEquals("2024-06-01T12:00:00.001Z", r.getObject("ts", OffsetDateTime.class).toInstant().toString());
      assertArrayEquals(new byte[] {1, 2, 3}, r.getBytes("bin"));
      assertNull(r.getString("maybe"));
      assertNull(r.getObject("maybe_ts"));
      assertEquals(0, r.getLong("pane"));
      assertFalse(r.next());
    }
  }

  // ----- refused rows -----

  @Test
  void refusedRowsBecomeDeadLettersAndTheFiringsOtherRowsCommit() throws SQLException {
    createConstrainedTable();
    Schema nullableCount = Schema.builder().addStringField("key").addNullableField("count", FieldType.INT64).build();
    IntervalWindow w = window(0, 10);
    PaneInfo onTime = PaneInfo.createPane(true, false, Timing.ON_TIME, 0, 0);
    ResultTable firing = new ResultTable("counts", w, onTime, nullableCount, List.of(
        Row.withSchema(nullableCount).addValues("a", 1L).build(),
        Row.withSchema(nullableCount).addValues("b", -1L).build(),      // CHECK ("count" >= 0)
        Row.withSchema(nullableCount).addValues("c", null).build(),     // NOT NULL
        Row.withSchema(nullableCount).addValues("d", 4L).build()));

    List<DeadLetter> refused = write(sink(), firing);

    assertEquals(List.of(
        "2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|a|1|0",
        "2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|d|4|0"), rows());
    assertEquals(2, refused.size(), refused.toString());
    assertEquals("{\"window_start\":\"2024-06-01T12:00:00.000Z\",\"window_end\":\"2024-06-01T12:00:10.000Z\","
        + "\"key\":\"b\",\"count\":-1,\"pane\":0,\"timing\":\"on_time\"}", refused.get(0).getInput());
    assertTrue(refused.get(0).getReason().matches(".*\\(SQLState 2351[34]\\)"), refused.get(0).getReason());
    assertTrue(refused.get(1).getInput().contains("\"key\":\"c\",\"count\":null"), refused.get(1).getInput());
    assertTrue(refused.get(1).getReason().endsWith("(SQLState 23502)"), refused.get(1).getReason());
    for (DeadLetter d : refused) {
      assertTrue(d.getReason().startsWith("row refused by \"" + table + "\" at "), d.getReason());
      assertFalse(d.getReason().contains("\n"), d.getReason());
    }
  }

  @Test
  void twoRowsWithOneKeyInOneFiringAreAConfigurationError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> write(sink(), firing(window(0, 10), 0, Timing.ON_TIME, "a", 1, "a", 2)));
    assertTrue(e.getMessage().contains("key (key=a)"), e.getMessage());
  }

  // ----- retries -----

  @Test
  void commitThatNeverArrivedIsRetriedWithoutLosingRows() throws SQLException {
    assertRetriedOnce(FlakyConnections.Fault.COMMIT_LOST, 1, OutputMode.UPDATE, 5);
  }

  @Test
  void commitWhoseReplyWasLostIsRetriedWithoutDuplicatesEvenInAppendMode() throws SQLException {
    assertRetriedOnce(FlakyConnections.Fault.COMMIT_REPLY_LOST, 1, OutputMode.APPEND, 5);
  }

  @Test
  void connectionLostMidBatchIsRetriedWithEveryRowWrittenOnce() throws SQLException {
    // 50 rows in batches of 10: the connection dies at the third batch, 20 rows sent and not committed.
    assertRetriedOnce(FlakyConnections.Fault.DIES_MID_BATCH, 3, OutputMode.COMPLETE, 50);
  }

  @Test
  void whenRetriesRunOutTheErrorIsOneLineWithTheCause() {
    String id = "refused-" + table;
    JdbcUpsertIO.Write sink = sink().withMaxAttempts(3).withConnectionFactory(
        FlakyConnections.failingOnce(JdbcConnectionFactory.driverManager(url(), user(), password()),
            FlakyConnections.Fault.REFUSED, 0, id));

    JdbcWriteException e = assertThrows(JdbcWriteException.class,
        () -> write(sink, firing(window(0, 10), 0, Timing.ON_TIME, "a", 1)));

    assertEquals(3, FlakyConnections.opened(id));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().matches("JdbcUpsertIO could not write counts \\(window \\[2024-06-01T12:00:00.000Z\\.\\."
        + "2024-06-01T12:00:10.000Z\\), pane 0, 1 rows\\) to \"" + table + "\" at jdbc:[^ ]+: gave up after 3 attempts"
        + " in [0-9.]+ s; last error: simulated: connection refused \\(SQLState 08001\\)"), e.getMessage());
  }

  @Test
  void aTableWithoutTheExpectedColumnsFailsAtOnceSayingWhatIsExpected() throws SQLException {
    sql("CREATE TABLE \"" + table + "\" (\"window_start\" TIMESTAMP WITH TIME ZONE, \"window_end\" TIMESTAMP WITH"
        + " TIME ZONE, \"key\" VARCHAR(10), \"count\" BIGINT)");
    String id = "fatal-" + table;
    JdbcUpsertIO.Write sink = sink().withConnectionFactory(FlakyConnections.failingOnce(
        JdbcConnectionFactory.driverManager(url(), user(), password()), FlakyConnections.Fault.DIES_MID_BATCH, 99, id));

    JdbcWriteException e = assertThrows(JdbcWriteException.class,
        () -> write(sink, firing(window(0, 10), 0, Timing.ON_TIME, "a", 1)));

    assertEquals(1, FlakyConnections.opened(id), "no retry for an error that a retry cannot fix");
    assertTrue(e.getMessage().contains("(SQLState 42"), e.getMessage());
    assertTrue(e.getMessage().contains("JdbcUpsertIO expects the table to be: CREATE TABLE IF NOT EXISTS"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  // ----- through a pipeline -----

  @Test
  void pipelineInCompleteModeKeepsTheLatestCountOfEachKeyOverTwoFirings() throws SQLException {
    TestStream<String> keys = TestStream.create(StringUtf8Coder.of())
        .advanceWatermarkTo(T0)
        .addElements(at("a", 1), at("b", 2))                                 // early firing: a=1, b=1
        .addElements(at("a", 3))                                             // early firing: a=2, b=1
        .advanceWatermarkToInfinity();

    p.apply(keys)
        .apply(Window.<String>into(FixedWindows.of(Duration.standardSeconds(10)))
            .triggering(AfterWatermark.pastEndOfWindow().withEarlyFirings(AfterPane.elementCountAtLeast(1)))
            .withAllowedLateness(Duration.ZERO)
            .accumulatingFiredPanes())
        .apply(Combine.globally(CountsByKeyFn.<String>create()).withoutDefaults())
        .apply(ToResultTable.of("counts", COUNTS, UpsertContract::countRows))
        .apply(sink().withOutputMode(OutputMode.COMPLETE));
    p.run().waitUntilFinish();

    List<String> stored = rows();
    assertEquals(2, stored.size(), stored.toString());
    assertTrue(stored.get(0).startsWith("2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|a|2|"), stored.toString());
    assertTrue(stored.get(1).startsWith("2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|b|1|"), stored.toString());
    // Both rows come from the same, last, firing: at least one early firing came before it.
    String pane = stored.get(0).substring(stored.get(0).lastIndexOf('|') + 1);
    assertTrue(stored.get(1).endsWith("|" + pane) && Integer.parseInt(pane) >= 1, stored.toString());
  }

  @Test
  void pipelineOutputsTheRefusedRowsAsDeadLetters() throws SQLException {
    createConstrainedTable();
    PaneInfo onTime = PaneInfo.createPane(true, true, Timing.ON_TIME, 0, 0);
    ResultTable firing = new ResultTable("counts", window(0, 10), onTime, COUNTS, List.of(
        Row.withSchema(COUNTS).addValues("ok", 1L).build(), Row.withSchema(COUNTS).addValues("bad", -5L).build()));

    PCollection<DeadLetter> refused = p.apply(Create.of(firing).withCoder(ResultTableCoder.of(COUNTS)))
        .apply(sink().withBatchSize(1));
    PAssert.that(refused).satisfies(letters -> {
      List<DeadLetter> all = new ArrayList<>();
      letters.forEach(all::add);
      assertEquals(1, all.size(), all.toString());
      assertTrue(all.get(0).getInput().contains("\"key\":\"bad\",\"count\":-5"), all.toString());
      return null;
    });
    p.run().waitUntilFinish();

    assertEquals(List.of("2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|ok|1|0"), rows());
  }

  @Test
  void pipelineFailsWithTheOneLineCauseWhenTheDatabaseStaysUnreachable() {
    String id = "pipeline-refused-" + table;
    ResultTable firing = firing(window(0, 10), 0, Timing.ON_TIME, "a", 1);
    p.apply(Create.of(firing).withCoder(ResultTableCoder.of(COUNTS)))
        .apply(sink().withMaxAttempts(2).withConnectionFactory(FlakyConnections.failingOnce(
            JdbcConnectionFactory.driverManager(url(), user(), password()), FlakyConnections.Fault.REFUSED, 0, id)));

    RuntimeException e = assertThrows(RuntimeException.class, () -> p.run().waitUntilFinish());

    Throwable cause = e;
    while (cause != null && !(cause instanceof JdbcWriteException)) {
      cause = cause.getCause();
    }
    assertTrue(cause != null, "no JdbcWriteException in " + e);
    assertTrue(cause.getMessage().contains("gave up after 2 attempts"), cause.getMessage());
  }

  // ----- helpers -----

  JdbcUpsertIO.Write sink() {
    return JdbcUpsertIO.write().withJdbcUrl(url()).withUser(user()).withPassword(password())
        .withTable(table).withKeyColumns("key").withBackoff(Duration.millis(10), Duration.millis(40));
  }

  /** Writes firings in order with one writer, as one DoFn instance would; returns all dead letters. */
  static List<DeadLetter> write(JdbcUpsertIO.Write sink, ResultTable... firings) {
    List<DeadLetter> refused = new ArrayList<>();
    try (UpsertWriter writer = new UpsertWriter(sink.spec())) {
      for (ResultTable firing : firings) {
        refused.addAll(writer.write(firing));
      }
    }
    return refused;
  }

  private void assertRetriedOnce(FlakyConnections.Fault fault, int at, OutputMode mode, int rows)
      throws SQLException {
    Object[] keyCounts = new Object[rows * 2];
    for (int i = 0; i < rows; i++) {
      keyCounts[2 * i] = String.format("k%03d", i);
      keyCounts[2 * i + 1] = i;
    }
    ResultTable firing = firing(window(0, 10), 0, Timing.ON_TIME, keyCounts);
    JdbcUpsertIO.Write plain = sink().withOutputMode(mode).withBatchSize(10);
    write(plain, firing(window(0, 10), 0, Timing.ON_TIME)); // creates the table, so the fault hits the rows
    String id = fault + "-" + table;
    JdbcUpsertIO.Write flaky = plain.withCreateTable(false).withConnectionFactory(FlakyConnections.failingOnce(
        JdbcConnectionFactory.driverManager(url(), user(), password()), fault, at, id));

    write(flaky, firing);

    assertTrue(FlakyConnections.struck(id), "the fault did not happen");
    assertEquals(2, FlakyConnections.opened(id), "one connection lost, one new");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      expected.add(String.format("2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|k%03d|%d|0", i, i));
    }
    assertEquals(expected, rows());
  }

  /** A table made beforehand, with constraints the sink does not add itself. */
  void createConstrainedTable() throws SQLException {
    sql("CREATE TABLE \"" + table + "\" (\"window_start\" TIMESTAMP WITH TIME ZONE NOT NULL,"
        + " \"window_end\" TIMESTAMP WITH TIME ZONE NOT NULL, \"key\" VARCHAR(100) NOT NULL,"
        + " \"count\" BIGINT NOT NULL CHECK (\"count\" >= 0), \"pane\" BIGINT NOT NULL,"
        + " PRIMARY KEY (\"window_start\", \"window_end\", \"key\"))");
  }

  static ResultTable firing(IntervalWindow window, int pane, Timing timing, Object... keyCounts) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < keyCounts.length; i += 2) {
      rows.add(Row.withSchema(COUNTS).addValues(keyCounts[i], ((Number) keyCounts[i + 1]).longValue()).build());
    }
    PaneInfo info = PaneInfo.createPane(pane == 0, false, timing, pane, timing == Timing.EARLY ? -1 : 0);
    return new ResultTable("counts", window, info, COUNTS, rows);
  }

  static ResultTable status(int pane, Object... statusCounts) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < statusCounts.length; i += 2) {
      rows.add(Row.withSchema(STATUS).addValues(statusCounts[i], statusCounts[i + 1]).build());
    }
    PaneInfo info = PaneInfo.createPane(pane == 0, false, Timing.EARLY, pane, -1);
    return new ResultTable("status_counts", null, info, STATUS, rows);
  }

  static IntervalWindow window(int startSecond, int endSecond) {
    return new IntervalWindow(T0.plus(Duration.standardSeconds(startSecond)),
        T0.plus(Duration.standardSeconds(endSecond)));
  }

  static TimestampedValue<String> at(String key, int secondsAfterT0) {
    return TimestampedValue.of(key, T0.plus(Duration.standardSeconds(secondsAfterT0)));
  }

  static List<Row> countRows(Map<String, Long> counts) {
    List<Row> rows = new ArrayList<>();
    new TreeMap<>(counts).forEach((k, v) -> rows.add(Row.withSchema(COUNTS).addValues(k, v).build()));
    return rows;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user(), password());
  }

  void sql(String statement) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  /** The table's column names, in order. */
  List<String> columns() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\" WHERE 1 = 0")) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
        names.add(r.getMetaData().getColumnName(i));
      }
      return names;
    }
  }

  /** Every row as {@code v1|v2|...}, timestamps as UTC instants, sorted. */
  List<String> rows() throws SQLException {
    try (Connection c = connect()) {
      return rows(c, table);
    }
  }

  static List<String> rows(Connection c, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
      ResultSetMetaData meta = r.getMetaData();
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          if (i > 1) {
            row.append('|');
          }
          boolean time = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT).contains("timestamp");
          Object value = time ? r.getObject(i, OffsetDateTime.class) : r.getString(i);
          row.append(value instanceof OffsetDateTime ? ((OffsetDateTime) value).toInstant() : value);
        }
        rows.add(row.toString());
      }
    }
    rows.sort(null);
    return rows;
  }
}
