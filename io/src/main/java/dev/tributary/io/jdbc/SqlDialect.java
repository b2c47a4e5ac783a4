package dev.tributary.io.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;

/**
 * The SQL that differs between databases: column types and the upsert statement. Everything else
 * (quoted identifiers, {@code CREATE TABLE IF NOT EXISTS}, {@code DELETE}) is common to both.
 *
 * <p>Upserts, for a table keyed by {@code (window_start, window_end, status)}:
 *
 * <pre>
 * H2:          MERGE INTO "t" ("window_start", "window_end", "status", "count", "pane")
 *                KEY ("window_start", "window_end", "status") VALUES (?, ?, ?, ?, ?)
 * PostgreSQL:  INSERT INTO "t" ("window_start", "window_end", "status", "count", "pane") VALUES (?, ?, ?, ?, ?)
 *                ON CONFLICT ("window_start", "window_end", "status")
 *                DO UPDATE SET "count" = EXCLUDED."count", "pane" = EXCLUDED."pane"
 * </pre>
 *
 * <p>Append mode keys rows by the firing too ({@code pane}), so a row is inserted once and a replayed
 * firing changes nothing: PostgreSQL says {@code DO NOTHING}; H2's {@code MERGE ... KEY} rewrites the
 * identical row. H2's {@code MERGE} needs no unique constraint; PostgreSQL's {@code ON CONFLICT} needs
 * the primary key that {@code CREATE TABLE} declares, so a table made beforehand must have one on the
 * same columns.
 */
enum SqlDialect {
  H2("jdbc:h2:") {
    @Override
    String upsert(String table, List<String> columns, List<String> identity, List<String> updated) {
      return "MERGE INTO " + table + " (" + quoted(columns) + ") KEY (" + quoted(identity) + ") VALUES ("
          + placeholders(columns.size()) + ")";
    }

    @Override
    String decimalType() {
      // H2's NUMERIC without precision has scale 0 and would round 12.5 to 13; DECFLOAT keeps every digit.
      return "DECFLOAT";
    }

    @Override
    String bytesType() {
      return "VARBINARY";
    }
  },

  POSTGRESQL("jdbc:postgresql:") {
    @Override
    String upsert(String table, List<String> columns, List<String> identity, List<String> updated) {
      String insert = "INSERT INTO " + table + " (" + quoted(columns) + ") VALUES ("
          + placeholders(columns.size()) + ") ON CONFLICT (" + quoted(identity) + ") ";
      if (updated.isEmpty()) {
        return insert + "DO NOTHING";
      }
      return insert + "DO UPDATE SET " + updated.stream()
          .map(c -> quote(c) + " = EXCLUDED." + quote(c))
          .collect(Collectors.joining(", "));
    }

    @Override
    String decimalType() {
      return "NUMERIC";
    }

    @Override
    String bytesType() {
      return "BYTEA";
    }
  };

  private final String urlPrefix;

  SqlDialect(String urlPrefix) {
    this.urlPrefix = urlPrefix;
  }

  /** The dialect of a JDBC URL, by its prefix. */
  static SqlDialect forUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    for (SqlDialect dialect : values()) {
      if (lower.startsWith(dialect.urlPrefix)) {
        return dialect;
      }
    }
    throw new IllegalArgumentException(
        "unsupported JDBC URL '" + Redact.url(url) + "': JdbcUpsertIO speaks H2 (jdbc:h2:...) and"
            + " PostgreSQL (jdbc:postgresql://...)");
  }

  /**
   * Inserts a row, or replaces the non-identity columns of the row with the same identity; with no
   * {@code updated} columns an existing row is left as it is.
   */
  abstract String upsert(String table, List<String> columns, List<String> identity, List<String> updated);

  abstract String decimalType();

  abstract String bytesType();

  /**
   * The column type for a Beam field type. Nullability is added by the caller. See {@link JdbcUpsertIO}
   * for the table of types.
   */
  String columnType(FieldType type) {
    TypeName name = type.getTypeName();
    switch (name) {
      case BYTE:
      case INT16:
        return "SMALLINT"; // neither database has a signed one-byte integer (H2's TINYINT, yes; PostgreSQL, no)
      case INT32:
        return "INTEGER";
      case INT64:
        return "BIGINT";
      case FLOAT:
        return "REAL";
      case DOUBLE:
        return "DOUBLE PRECISION";
      case DECIMAL:
        return decimalType();
      case BOOLEAN:
        return "BOOLEAN";
      case STRING:
        return "CHARACTER VARYING";
      case DATETIME:
        return "TIMESTAMP WITH TIME ZONE";
      case BYTES:
        return bytesType();
      default:
        throw new IllegalArgumentException(
            "JdbcUpsertIO cannot store Beam type " + type + " in a column; supported: BYTE, INT16, INT32,"
                + " INT64, FLOAT, DOUBLE, DECIMAL, BOOLEAN, STRING, DATETIME, BYTES (flatten rows, arrays"
                + " and maps first)");
    }
  }

  /** Double-quotes an identifier that {@link Identifiers#check} accepted, so it can hold no quote. */
  static String quote(String identifier) {
    return '"' + identifier + '"';
  }

  static String quoted(List<String> identifiers) {
    return identifiers.stream().map(SqlDialect::quote).collect(Collectors.joining(", "));
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
