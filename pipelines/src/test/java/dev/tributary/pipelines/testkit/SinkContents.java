package dev.tributary.pipelines.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads what a run left in its sinks, in a form two runs can be compared in: database tables, per-window
 * files and JSON Lines files as the final result of each window (its last firing, pane and timing left
 * out, since a streaming run fires a window several times and a batch run once), and the console's last
 * status table.
 */
public final class SinkContents {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** {@code <name>-<query>-<window or global>[-<pane>].jsonl}, as WindowedFilesIO names them. */
  private static final Pattern WINDOWED_FILE =
      Pattern.compile("[^.][^/]*-(status_counts|top_endpoints)-(global|\\d{8}T\\d{6}(?:\\.\\d{3})?Z-\\d{8}T\\d{6}(?:\\.\\d{3})?Z)(?:-(\\d+))?\\.jsonl");
  private static final Pattern STATUS_HEADER = Pattern.compile("(?m)^Batch: \\d+ \\| status_counts$");
  private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*(\\d+)\\|\\s*(\\d+)\\|$");

  private SinkContents() {}

  /** The JDBC URL of the embedded H2 database a run keeps in {@code dir}. */
  public static String h2Url(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("db");
  }

  /**
   * What every comparison with a {@code logs} run over the bundled {@code data/logs} relies on: 9 statuses
   * and 21 windows of 10 endpoints in its H2 database, and a file per window and for the status counts.
   */
  public static void assertBundledLogsSinksFilled(Path run) {
    try (Connection c = DriverManager.getConnection(h2Url(run))) {
      assertEquals(9, tableRows(c, "status_counts").size());
      assertEquals(210, tableRows(c, "top_endpoints").size());
    } catch (SQLException e) {
      throw new AssertionError("cannot read the run's H2 database in " + run, e);
    }
    assertEquals(22, windowedFiles(run.resolve("files")).size(), "21 windows and the status counts");
  }

  /** Every row of a table, as sorted {@code column=value} strings without the {@code pane} column. */
  public static List<String> tableRows(Connection c, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String column = meta.getColumnName(i);
          if (column.equalsIgnoreCase("pane")) {
            continue;
          }
          // H2 and PostgreSQL return different classes for the window columns; compare the instants.
          Object value = meta.getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE
                  || meta.getColumnTypeName(i).toLowerCase().contains("timestamptz")
              ? rs.getObject(i, OffsetDateTime.class).toInstant()
              : rs.getString(i);
          row.append(column.toLowerCase()).append('=').append(value).append(' ');
        }
        rows.add(row.toString().trim());
      }
    }
    rows.sort(null);
    return rows;
  }

  /** The per-window files in {@code dir} (not FileIO's hidden temporary ones), sorted by name. */
  public static List<Path> windowedFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> WINDOWED_FILE.matcher(f.getFileName().toString()).matches()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the per-window files of a bounded run (one per window, no pane suffix). */
  public static List<String> fileNames(List<Path> files) {
    return files.stream().map(f -> f.getFileName().toString()).sorted().toList();
  }

  /** The JSON Lines files of {@code --output=prefix} for one query: the batch file or every flush file. */
  public static List<Path> jsonOutputFiles(Path prefix, String query) {
    String start = prefix.getFileName() + "-" + query;
    try (Stream<Path> files = Files.list(prefix.getParent())) {
      return files.filter(f -> f.getFileName().toString().startsWith(start) && f.toString().endsWith(".jsonl"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The final result per window ("global" for results since the start) of the rows in these files: the
   * rows of the window's highest pane, without pane and timing, sorted. Rows without a pane (rejected
   * lines) are all kept.
   */
  public static Map<String, List<String>> finalRows(List<Path> files) {
    Map<String, Integer> lastPane = new TreeMap<>();
    Map<String, Map<Integer, List<String>>> rows = new TreeMap<>();
    for (Path file : files) {
      for (String line : read(file).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        Map<String, Object> row;
        try {
          row = JSON.readValue(line, new TypeReference<TreeMap<String, Object>>() {});
        } catch (IOException e) {
          throw new AssertionError("not a JSON object in " + file + ": " + line, e);
        }
        String window = row.containsKey("window_start") ? row.get("window_start") + "/" + row.get("window_end") : "global";
        Object pane = row.remove("pane");
        row.remove("timing");
        int index = pane == null ? -1 : ((Number) pane).intValue();
        lastPane.merge(window, index, Math::max);
        rows.computeIfAbsent(window, w -> new TreeMap<>()).computeIfAbsent(index, p -> new ArrayList<>())
            .add(row.toString());
      }
    }
    Map<String, List<String>> result = new TreeMap<>();
    rows.forEach((window, panes) -> {
      List<String> last = new ArrayList<>(panes.get(lastPane.get(window)));
      last.sort(null);
      result.put(window, last);
    });
    return result;
  }

  /** The last {@code status_counts} table printed on a console, as sorted {@code status=count} strings. */
  public static List<String> lastStatusTable(String console) {
    Matcher header = STATUS_HEADER.matcher(console);
    int last = -1;
    while (header.find()) {
      last = header.end();
    }
    if (last < 0) {
      return List.of();
    }
    // Header, border, column names, border, rows, border: a table still being written has no closing border.
    List<String> lines = console.substring(last).lines().skip(1).toList();
    List<String> rows = new ArrayList<>();
    int borders = 0;
    for (String line : lines) {
      if (line.startsWith("+")) {
        if (++borders == 3) {
          rows.sort(null);
          return rows;
        }
        continue;
      }
      Matcher m = TABLE_ROW.matcher(line);
      if (borders == 2 && m.matches()) {
        rows.add(m.group(1) + "=" + m.group(2));
      }
    }
    return List.of();
  }

  /** Status counts as {@code status=count} strings, from the final status_counts rows of a JSON output. */
  public static List<String> statusCounts(Map<String, List<String>> finalStatusRows) {
    List<String> counts = new ArrayList<>();
    for (String row : finalStatusRows.getOrDefault("global", List.of())) {
      Matcher m = Pattern.compile("count=(\\d+), status=(\\d+)").matcher(row);
      if (!m.find()) {
        throw new AssertionError("not a status row: " + row);
      }
      counts.add(m.group(2) + "=" + m.group(1));
    }
    counts.sort(null);
    return counts;
  }

  public static String readAll(List<Path> files) {
    StringBuilder text = new StringBuilder();
    files.forEach(f -> text.append(read(f)));
    return text.toString();
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
