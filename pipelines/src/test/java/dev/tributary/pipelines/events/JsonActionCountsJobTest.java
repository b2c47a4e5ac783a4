package dev.tributary.pipelines.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.CliRun;
import dev.tributary.pipelines.RepoPaths;
import dev.tributary.pipelines.testkit.LocalPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code json-action-counts} through the command line, its rows read back from the database. Expected
 * counts per (window, action) of {@code data/events/actions.json} come from {@code
 * transforms/src/test/resources/events/expected_action_counts.py} (Python's json and datetime).
 */
class JsonActionCountsJobTest {
  /** {@code window_start action count}, ordered. */
  private static final List<String> EXPECTED =
      List.of(
          "2016-07-26 02:00 Close 2",
          "2016-07-26 02:00 Open 3",
          "2016-07-26 03:00 Close 2",
          "2016-07-26 03:00 Open 7",
          "2016-07-26 04:00 Close 3",
          "2016-07-26 04:00 Open 6",
          "2016-07-26 05:00 Close 1");
  private static final String SELECT =
      "SELECT \"window_start\", \"window_end\", \"action\", \"count\" FROM \"action_counts\" ORDER BY 1, 3";

  @TempDir Path tmp;

  @Test
  void countsPerActionAndHourGoToH2AndBadLinesAreDeadLetters() throws Exception {
    Path input = Files.createDirectories(tmp.resolve("in"));
    Files.copy(actions(), input.resolve("actions.json"));
    Files.write(
        input.resolve("bad.json"),
        List.of("{\"time\": 1469501107, \"action\": \"open\"}", "{\"time\": 1469501107.5, \"action\": \"Open\"}"),
        StandardCharsets.UTF_8);
    String db = "jdbc:h2:file:" + tmp.resolve("db");

    CliRun run = CliRun.of("json-action-counts", "--input=" + input, "--jdbcUrl=" + db, "--output=" + tmp.resolve("ac"));

    assertEquals(0, run.status(), run.describe());
    try (Connection c = DriverManager.getConnection(db)) {
      assertEquals(EXPECTED, rows(c));
    }
    assertEquals(
        Set.of(
            "{\"reason\":\"action is not Open or Close\",\"input\":\"{\\\"time\\\": 1469501107, \\\"action\\\": \\\"open\\\"}\"}",
            "{\"reason\":\"time is not epoch seconds or ISO-8601 or 'yyyy-MM-dd HH:mm:ss'\",\"input\":\"{\\\"time\\\": "
                + "1469501107.5, \\\"action\\\": \\\"Open\\\"}\"}"),
        CliRun.distinctLines(tmp.resolve("ac-rejected_lines.jsonl")));
    assertTrue(
        run.out().contains(
            "json-action-counts: read 26 lines: 24 parsed, 2 rejected; 7 rows written to jdbc:h2:file:"
                + tmp.resolve("db") + ", table action_counts\n"),
        run.out());
  }

  @Test
  void countsGoToPostgres() throws Exception {
    try (LocalPostgres pg = LocalPostgres.startIfInstalled(RepoPaths.data().getParent())) {
      assertNotNull(pg, "no PostgreSQL server binaries: run .ci/postgres.sh install");
      String url = pg.newSchema("json_actions");
      CliRun run =
          CliRun.of(
              "json-action-counts",
              "--input=" + actions(),
              "--outputMode=complete",
              "--jdbcUrl=" + url,
              "--jdbcUser=" + pg.user(),
              "--jdbcPassword=" + pg.password());

      assertEquals(0, run.status(), run.describe());
      try (Connection c = pg.connect(url)) {
        assertEquals(EXPECTED, rows(c));
      }
    }
  }

  @Test
  void withoutJdbcUrlTheEmbeddedDatabaseIsUsed() {
    JsonActionCountsOptions options =
        PipelineOptionsFactory.fromArgs("--input=" + actions()).as(JsonActionCountsOptions.class);

    JsonActionCountsPipeline.build(Pipeline.create(options), options);

    assertEquals("jdbc:h2:file:./out/tributary", options.getJdbcUrl());
  }

  @Test
  void badOptionsAreOneLineAndStatusTwo() {
    CliRun run = CliRun.of("json-action-counts", "--input=" + actions(), "--jdbcUrl=postgres://x");

    assertEquals(2, run.status(), run.describe());
    assertEquals("tributary json-action-counts: --jdbcUrl=postgres://x is not a JDBC URL (jdbc:...)\n", run.err());
  }

  /** Each row as {@code window_start action count}, checking that each window is one hour long. */
  private static List<String> rows(Connection c) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(SELECT)) {
      while (rs.next()) {
        java.time.OffsetDateTime start = rs.getObject(1, java.time.OffsetDateTime.class);
        java.time.OffsetDateTime end = rs.getObject(2, java.time.OffsetDateTime.class);
        assertEquals(start.toInstant().plusSeconds(3600), end.toInstant());
        rows.add(
            start.toInstant().toString().substring(0, 16).replace('T', ' ') + " " + rs.getString(3) + " " + rs.getLong(4));
      }
    }
    return rows;
  }

  private static Path actions() {
    return RepoPaths.data().resolve("events/actions.json");
  }
}
