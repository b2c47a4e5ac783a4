package dev.tributary.pipelines.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.RepoPaths;
import dev.tributary.pipelines.cli.Tributary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code logs} job by options alone: lines from a socket served by {@code serve-lines}, results upserted
 * into the embedded database and written as per-window files, with the bundled sample's exact counts.
 */
class LogsJobOverSocketTest {
  @TempDir Path tmp;

  @Test
  void socketInputToJdbcAndWindowedFiles() throws Exception {
    Path logs = RepoPaths.data().resolve("logs");
    String db = "jdbc:h2:file:" + tmp.resolve("db");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status;
    try (ServerRun server =
        ServerRun.start(
            new ByteArrayInputStream(new byte[0]),
            "--file=" + logs.resolve("access-001.log") + "," + logs.resolve("access-002.log"))) {
      PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8);
      PrintStream stdout = System.out;
      System.setOut(capture);
      try {
        status =
            Tributary.run(
                new String[] {
                  "logs", "--input=tcp://127.0.0.1:" + server.port(), "--stopAfterIdle=4s",
                  "--updateInterval=1s", "--jdbcUrl=" + db, "--windowedFiles=" + tmp.resolve("files/run")
                },
                capture,
                capture);
      } finally {
        System.setOut(stdout);
      }
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed);
    assertTrue(printed.contains("logs: read 1080 lines: 1076 parsed, 4 rejected"), printed);

    try (Connection c = DriverManager.getConnection(db);
        Statement st = c.createStatement()) {
      assertEquals(
          List.of("200=855", "301=20", "302=24", "304=92", "400=3", "403=11", "404=53", "500=11", "503=7"),
          rows(st, "SELECT \"status\", \"count\" FROM \"status_counts\" ORDER BY \"status\""));
      assertEquals(
          List.of("/=45", "/blog/=23", "/about=18", "/index.html=18", "/images/logo.png=9"),
          rows(st, "SELECT \"endpoint\", \"count\" FROM \"top_endpoints\" WHERE \"window_start\" = "
              + "TIMESTAMP WITH TIME ZONE '2024-06-01 12:00:00Z' AND \"rank\" <= 5 ORDER BY \"rank\""));
      assertEquals(
          List.of("21"),
          rows(st, "SELECT COUNT(DISTINCT \"window_start\") FROM \"top_endpoints\""));
    }
    try (Stream<Path> files = Files.list(tmp.resolve("files"))) {
      assertTrue(
          files.anyMatch(f -> f.getFileName().toString().startsWith("run-top_endpoints-20240601T120000Z-20240601T120030Z")),
          "a file for the window 12:00:00-12:00:30");
    }
  }

  private static List<String> rows(Statement st, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        rows.add(columns == 1 ? rs.getString(1) : rs.getString(1) + "=" + rs.getString(2));
      }
    }
    return rows;
  }
}
