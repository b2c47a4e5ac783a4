package dev.tributary.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.table.ResultTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.transforms.windowing.PaneInfo.Timing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link UpsertContract} on H2, the embedded default: an in-memory database kept for the whole class. */
class H2UpsertTest extends UpsertContract {
  private static final String URL = "jdbc:h2:mem:upsert-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

  @TempDir Path dir;

  @Override
  String url() {
    return URL;
  }

  @Override
  String user() {
    return "sa";
  }

  @Override
  String password() {
    return "";
  }

  @Test
  void anH2FileDatabaseKeepsTheTableAcrossWriters() throws SQLException {
    String fileUrl = "jdbc:h2:file:" + dir.resolve("analytics");
    JdbcUpsertIO.Write sink = JdbcUpsertIO.write().withJdbcUrl(fileUrl).withUser("sa").withPassword("")
        .withTable(table).withKeyColumns("key").withOutputMode(OutputMode.COMPLETE);
    ResultTable first = firing(window(0, 10), 0, Timing.EARLY, "a", 1);
    ResultTable second = firing(window(0, 10), 1, Timing.ON_TIME, "a", 2, "b", 1);

    write(sink, first); // a writer, as a worker that then goes away
    write(sink, second); // a new one, as after a restart

    try (Connection c = DriverManager.getConnection(fileUrl, "sa", "")) {
      assertEquals(List.of(
          "2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|a|2|1",
          "2024-06-01T12:00:00Z|2024-06-01T12:00:10Z|b|1|1"), rows(c, table));
    }
  }
}
