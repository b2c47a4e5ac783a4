package dev.tributary.io.jdbc;

/** Keeps credentials out of messages: JDBC URLs may carry a password in their parameters. */
final class Redact {
  private Redact() {}

  /** The URL up to its parameters ({@code ?...} for PostgreSQL, {@code ;...} for H2). */
  static String url(String url) {
    if (url == null) {
      return "null";
    }
    int cut = url.length();
    for (char c : new char[] {'?', ';'}) {
      int at = url.indexOf(c);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    return cut == url.length() ? url : url.substring(0, cut) + "...";
  }
}
