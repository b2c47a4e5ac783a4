package dev.tributary.io.jdbc;

import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.table.ResultTable;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;

/**
 * The table that stores one query's results: its columns, its identity (primary key) and the statements
 * that write it, for one result schema, with or without windows, in one output mode.
 *
 * <p>Columns, in order: {@code window_start} and {@code window_end} (windowed results only), the schema's
 * fields, then {@code pane}, the index of the firing that wrote the row. The identity is the window, the
 * key columns and, in append mode, {@code pane}.
 */
final class TableLayout {
  static final String WINDOW_START = "window_start";
  static final String WINDOW_END = "window_end";
  static final String PANE = "pane";

  private final SqlDialect dialect;
  private final String table;
  private final Schema schema;
  private final boolean windowed;
  private final OutputMode mode;
  private final List<String> columns;
  private final List<String> identity;
  private final List<Integer> keyFieldIndexes;
  private final String upsertSql;

  TableLayout(SqlDialect dialect, String table, Schema schema, boolean windowed, List<String> keyColumns,
      OutputMode mode) {
    this.dialect = dialect;
    this.table = Identifiers.quotedTable(table);
    this.schema = schema;
    this.windowed = windowed;
    this.mode = mode;
    List<String> cols = new ArrayList<>();
    List<String> id = new ArrayList<>();
    if (windowed) {
      cols.add(WINDOW_START);
      cols.add(WINDOW_END);
      id.add(WINDOW_START);
      id.add(WINDOW_END);
    }
    for (Field field : schema.getFields()) {
      String name = Identifiers.check(field.getName(), "column (schema field)");
      if (name.equalsIgnoreCase(WINDOW_START) || name.equalsIgnoreCase(WINDOW_END)
          || name.equalsIgnoreCase(PANE)) {
        throw new IllegalArgumentException("schema field '" + name + "' clashes with a column JdbcUpsertIO"
            + " adds itself (window_start, window_end, pane); rename the field");
      }
      dialect.columnType(field.getType()); // fails early on a type with no column type
      cols.add(name);
    }
    cols.add(PANE);
    List<Integer> keyIndexes = new ArrayList<>();
    for (String key : keyColumns) {
      if (!schema.hasField(key)) {
        throw new IllegalArgumentException(
            "key column '" + key + "' is not a field of the result schema " + schema.getFieldNames());
      }
      keyIndexes.add(schema.indexOf(key));
      id.add(key);
    }
    if (id.isEmpty()) {
      throw new IllegalArgumentException("results without windows need key columns: call withKeyColumns(...)"
          + " with the fields that identify a row, e.g. withKeyColumns(\"status\")");
    }
    if (mode == OutputMode.APPEND) {
      id.add(PANE);
    }
    this.columns = Collections.unmodifiableList(cols);
    this.identity = Collections.unmodifiableList(id);
    this.keyFieldIndexes = Collections.unmodifiableList(keyIndexes);
    List<String> updated = new ArrayList<>();
    if (mode != OutputMode.APPEND) {
      for (String c : cols) {
        if (!id.contains(c)) {
          updated.add(c);
        }
      }
    }
    this.upsertSql = dialect.upsert(this.table, columns, identity, updated);
  }

  boolean isWindowed() {
    return windowed;
  }

  List<String> columns() {
    return columns;
  }

  List<String> identity() {
    return identity;
  }

  /** The table, if missing; non-nullable fields and the identity are NOT NULL. */
  String createTableSql() {
    StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(table).append(" (");
    if (windowed) {
      sql.append(SqlDialect.quote(WINDOW_START)).append(" TIMESTAMP WITH TIME ZONE NOT NULL, ")
          .append(SqlDialect.quote(WINDOW_END)).append(" TIMESTAMP WITH TIME ZONE NOT NULL, ");
    }
    for (Field field : schema.getFields()) {
      sql.append(SqlDialect.quote(field.getName())).append(' ').append(dialect.columnType(field.getType()));
      if (!field.getType().getNullable()) {
        sql.append(" NOT NULL");
      }
      sql.append(", ");
    }
    sql.append(SqlDialect.quote(PANE)).append(" BIGINT NOT NULL, PRIMARY KEY (")
        .append(SqlDialect.quoted(identity)).append("))");
    return sql.toString();
  }

  String upsertSql() {
    return upsertSql;
  }

  /**
   * Complete mode's first step: remove the window's rows (all rows, without windows), so that the
   * firing's rows that follow, in the same transaction, become the window's whole content.
   */
  String deleteFiringScopeSql() {
    if (!windowed) {
      return "DELETE FROM " + table;
    }
    return "DELETE FROM " + table + " WHERE " + SqlDialect.quote(WINDOW_START) + " = ? AND "
        + SqlDialect.quote(WINDOW_END) + " = ?";
  }

  void bindFiringScope(PreparedStatement delete, ResultTable firing) throws SQLException {
    if (windowed) {
      IntervalWindow window = requireWindow(firing);
      delete.setObject(1, utc(window.start()));
      delete.setObject(2, utc(window.end()));
    }
  }

  /** Binds every column of {@code row}, in {@link #columns()} order, as parameters of the upsert. */
  void bindRow(PreparedStatement upsert, ResultTable firing, Row row) throws SQLException {
    int p = 1;
    if (windowed) {
      IntervalWindow window = requireWindow(firing);
      upsert.setObject(p++, utc(window.start()));
      upsert.setObject(p++, utc(window.end()));
    }
    for (int i = 0; i < schema.getFieldCount(); i++) {
      bindValue(upsert, p++, schema.getField(i).getType().getTypeName(), row.getValue(i));
    }
    upsert.setLong(p, firing.getPane().getIndex());
  }

  /** The key columns' values of a row, to find rows of one firing that claim the same identity. */
  List<Object> keyOf(Row row) {
    List<Object> key = new ArrayList<>(keyFieldIndexes.size());
    for (int i : keyFieldIndexes) {
      Object value = row.getValue(i);
      key.add(value instanceof byte[] ? java.nio.ByteBuffer.wrap((byte[]) value) : value);
    }
    return key;
  }

  String describeKey(Row row) {
    StringBuilder text = new StringBuilder();
    for (int i : keyFieldIndexes) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(schema.getField(i).getName()).append('=').append(Objects.toString(row.getValue(i)));
    }
    return text.toString();
  }

  private IntervalWindow requireWindow(ResultTable firing) {
    IntervalWindow window = firing.getWindow();
    if (window == null) {
      throw new IllegalStateException("table " + table + " is laid out for windowed results, but a firing of '"
          + firing.getQuery() + "' has no window");
    }
    return window;
  }

  private static void bindValue(PreparedStatement s, int p, TypeName type, Object value) throws SQLException {
    if (value == null) {
      s.setNull(p, sqlType(type));
      return;
    }
    switch (type) {
      case BYTE:
        s.setShort(p, ((Byte) value).shortValue());
        break;
      case INT16:
        s.setShort(p, (Short) value);
        break;
      case INT32:
        s.setInt(p, (Integer) value);
        break;
      case INT64:
        s.setLong(p, (Long) value);
        break;
      case FLOAT:
        s.setFloat(p, (Float) value);
        break;
      case DOUBLE:
        s.setDouble(p, (Double) value);
        break;
      case DECIMAL:
        s.setBigDecimal(p, (BigDecimal) value);
        break;
      case BOOLEAN:
        s.setBoolean(p, (Boolean) value);
        break;
      case STRING:
        s.setString(p, (String) value);
        break;
      case DATETIME:
        s.setObject(p, utc((ReadableInstant) value));
        break;
      case BYTES:
        s.setBytes(p, (byte[]) value);
        break;
      default:
        throw new IllegalArgumentException("no column type for Beam type " + type);
    }
  }

  private static int sqlType(TypeName type) {
    switch (type) {
      case BYTE:
      case INT16:
        return Types.SMALLINT;
      case INT32:
        return Types.INTEGER;
      case INT64:
        return Types.BIGINT;
      case FLOAT:
        return Types.REAL;
      case DOUBLE:
        return Types.DOUBLE;
      case DECIMAL:
        return Types.NUMERIC;
      case BOOLEAN:
        return Types.BOOLEAN;
      case STRING:
        return Types.VARCHAR;
      case DATETIME:
        return Types.TIMESTAMP_WITH_TIMEZONE;
      case BYTES:
        return Types.VARBINARY;
      default:
        return Types.OTHER;
    }
  }

  /** Both drivers map {@link OffsetDateTime} to {@code TIMESTAMP WITH TIME ZONE}. */
  static OffsetDateTime utc(ReadableInstant instant) {
    return OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(instant.getMillis()), ZoneOffset.UTC);
  }
}
