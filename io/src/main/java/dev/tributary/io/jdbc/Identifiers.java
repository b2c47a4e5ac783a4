package dev.tributary.io.jdbc;

import java.util.regex.Pattern;

/**
 * Table and column names allowed in generated SQL. Values always travel as statement parameters, but
 * names cannot, so they are checked against a strict pattern and then double-quoted: a name can never
 * carry SQL, and quoting keeps words such as {@code count} or {@code value} usable as column names.
 */
final class Identifiers {
  /** Letters, digits and underscores, not starting with a digit, at most 63 (PostgreSQL's limit). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private Identifiers() {}

  /** Returns {@code name} if it is a plain identifier; otherwise throws, naming {@code what} it is. */
  static String check(String name, String what) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " '" + name + "' is not a plain SQL identifier: use letters, digits and _ (not first),"
              + " at most 63 characters");
    }
    return name;
  }

  /** A table name, optionally qualified by its schema ({@code analytics.status_counts}), quoted. */
  static String quotedTable(String table) {
    String[] parts = table == null ? new String[] {null} : table.split("\\.", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException("table '" + table + "' has more than one '.'; use schema.table");
    }
    StringBuilder quoted = new StringBuilder();
    for (String part : parts) {
      if (quoted.length() > 0) {
        quoted.append('.');
      }
      quoted.append(SqlDialect.quote(check(part, "table name part")));
    }
    return quoted.toString();
  }
}
