package dev.tributary.io.jdbc;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Sorts SQL errors by what the sink should do about them, and says each in one line. */
final class SqlErrors {
  /** What an error means for the write that hit it. */
  enum Kind {
    /** The connection or the transaction failed, not the data: roll back, reconnect, try again. */
    TRANSIENT,
    /** The database refused a value (constraint, range): the row goes to the dead letters. */
    REJECTED_ROW,
    /** Anything else (bad SQL, missing table or column, authentication): retrying cannot help. */
    FATAL
  }

  /**
   * H2's own codes, used as its SQLSTATE, for a broken or closed connection; its lock timeout is the
   * standard HYT00.
   */
  private static final Set<String> H2_TRANSIENT = Set.of("90067", "90098");

  private SqlErrors() {}

  static Kind classify(SQLException error) {
    for (SQLException e : chain(error)) {
      String state = e.getSQLState();
      if (state == null) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException
            || e.getCause() instanceof IOException) {
          return Kind.TRANSIENT;
        }
        continue;
      }
      if (state.startsWith("08") // connection exception
          || state.startsWith("40") // transaction rollback: serialization failure, deadlock
          || state.startsWith("53") // insufficient resources, e.g. too many connections
          || state.startsWith("57P") // server shutting down or restarting, connection terminated
          || state.startsWith("HYT") // timeout
          || H2_TRANSIENT.contains(state)) {
        return Kind.TRANSIENT;
      }
      if (state.startsWith("22") // data exception: value too long, out of range
          || state.startsWith("23")) { // integrity constraint: NOT NULL, CHECK, unique, foreign key
        return Kind.REJECTED_ROW;
      }
      return Kind.FATAL;
    }
    return error instanceof SQLTransientException || error instanceof SQLRecoverableException
        ? Kind.TRANSIENT
        : Kind.FATAL;
  }

  /**
   * The first line of the most specific message, with its SQLSTATE: drivers append the statement (H2)
   * or the failing row (PostgreSQL's DETAIL) on further lines, which a log line or a dead letter's
   * reason does not need.
   */
  static String oneLine(SQLException error) {
    SQLException specific = mostSpecific(error);
    String message = specific.getMessage() == null ? specific.getClass().getSimpleName() : specific.getMessage();
    int statement = message.indexOf("; SQL statement:");
    if (statement >= 0) {
      message = message.substring(0, statement);
    }
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    message = message.strip();
    if (message.startsWith("ERROR: ") || message.startsWith("FATAL: ")) {
      message = message.substring(message.indexOf(' ') + 1);
    }
    String state = specific.getSQLState();
    return state == null ? message : message + " (SQLState " + state + ")";
  }

  /** A batch failure says little itself; the statement's own error hangs off it as the next exception. */
  private static SQLException mostSpecific(SQLException error) {
    SQLException best = error;
    for (SQLException e : chain(error)) {
      if (e.getSQLState() != null) {
        best = e;
      }
    }
    return best;
  }

  /** The error, then its next exceptions and SQL causes, most general first. */
  private static List<SQLException> chain(SQLException error) {
    List<SQLException> all = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Throwable> todo = new ArrayDeque<>();
    todo.add(error);
    while (!todo.isEmpty() && all.size() < 20) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof SQLException) {
        SQLException e = (SQLException) t;
        all.add(e);
        if (e.getNextException() != null) {
          todo.add(e.getNextException());
        }
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
    }
    return all;
  }
}
