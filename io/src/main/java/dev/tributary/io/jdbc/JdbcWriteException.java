package dev.tributary.io.jdbc;

/**
 * A firing that {@link JdbcUpsertIO} could not write: the database stayed unreachable through every
 * retry, or refused the statements themselves (missing table or column, bad credentials). The message is
 * one line that names the query, the table and the cause; the SQL error is attached as the cause.
 */
public final class JdbcWriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  JdbcWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
