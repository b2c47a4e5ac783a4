package dev.tributary.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.table.ResultTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.windowing.PaneInfo.Timing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link UpsertContract} on a real PostgreSQL server, which this class starts (with {@code
 * .ci/postgres.sh}) and stops. Without the server binaries it fails, saying to run {@code
 * .ci/postgres.sh install}.
 */
class PostgresUpsertTest extends UpsertContract {
  private static PostgresServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
    System.out.println("PostgresUpsertTest: " + server.version + " at " + server.url);
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Override
  String url() {
    return server.url;
  }

  @Override
  String user() {
    return server.user;
  }

  @Override
  String password() {
    return server.password;
  }

  @Test
  void theServerKillingTheConnectionMidBatchLosesAndDuplicatesNothing() throws SQLException {
    // The table first, then a trigger that makes the server terminate the writer's own connection when the
    // 25th row arrives: the first two batches of 10 are in, uncommitted; a sequence is not rolled back,
    // so it strikes only once.
    JdbcUpsertIO.Write sink = sink().withOutputMode(OutputMode.APPEND).withBatchSize(10);
    write(sink, firing(window(0, 10), 0, Timing.ON_TIME));
    String kill = table + "_kill";
    sql("CREATE SEQUENCE \"" + kill + "\"");
    sql("CREATE FUNCTION \"" + kill + "\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        + " IF nextval('\"" + kill + "\"') = 25 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;"
        + " RETURN NEW; END $$");
    sql("CREATE TRIGGER \"" + kill + "\" BEFORE INSERT ON \"" + table + "\" FOR EACH ROW EXECUTE FUNCTION \""
        + kill + "\"()");
    Object[] keyCounts = new Object[100];
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      keyCounts[2 * i] = String.format("k%03d", i);
      keyCounts[2 * i + 1] = i;
      expected.add(String.format("2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|k%03d|%d|0", i, i));
    }
    ResultTable firing = firing(window(0, 10), 0, Timing.ON_TIME, keyCounts);

    write(sink, firing);

    assertEquals(expected, rows());
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT last_value FROM \"" + kill + "\"")) {
      r.next();
      assertTrue(r.getLong(1) >= 25 + 50, "the firing was not written again after the kill: " + r.getLong(1));
    }
  }
}
