package dev.tributary.transforms.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Splits a plain comma-separated line into fields, for the small CSV inputs of the event and join jobs.
 *
 * <p>The dialect: fields are separated by commas and trimmed; there is no quoting (a {@code "} is an
 * ordinary character), so a field cannot contain a comma. A byte-order mark and a trailing {@code \r} are
 * removed. A line whose fields equal the column names, in any case, is a header.
 */
public final class CsvFields {
  private CsvFields() {}

  /**
   * The trimmed fields of {@code line}, exactly {@code columns.length} of them, or null if the line is the
   * header {@code columns}.
   *
   * @throws MalformedLineException "empty line", or "expected N comma-separated fields, found M"
   */
  public static String @Nullable [] split(String line, String... columns) {
    String s = line;
    if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    if (s.isBlank()) {
      throw new MalformedLineException("empty line");
    }
    List<String> fields = new ArrayList<>(columns.length);
    int start = 0;
    while (true) {
      int comma = s.indexOf(',', start);
      if (comma < 0) {
        fields.add(s.substring(start).trim());
        break;
      }
      fields.add(s.substring(start, comma).trim());
      start = comma + 1;
    }
    if (fields.size() != columns.length) {
      throw new MalformedLineException(
          "expected " + columns.length + " comma-separated fields, found " + fields.size());
    }
    return isHeader(fields, columns) ? null : fields.toArray(new String[0]);
  }

  private static boolean isHeader(List<String> fields, String[] columns) {
    for (int i = 0; i < columns.length; i++) {
      if (!fields.get(i).toLowerCase(Locale.ROOT).equals(columns[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code field} as an int.
   *
   * @throws MalformedLineException "{@code name} is not an integer"
   */
  public static int parseInt(String field, String name) {
    try {
      return Integer.parseInt(field);
    } catch (NumberFormatException e) {
      throw new MalformedLineException(name + " is not an integer");
    }
  }

  /**
   * {@code field} itself, if not empty.
   *
   * @throws MalformedLineException "{@code name} is empty"
   */
  public static String nonEmpty(String field, String name) {
    if (field.isEmpty()) {
      throw new MalformedLineException(name + " is empty");
    }
    return field;
  }
}
