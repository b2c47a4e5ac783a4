package dev.tributary.io.jdbc;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Opens connections for {@link JdbcUpsertIO}. The default opens them through {@link DriverManager} from
 * the URL, user and password; supply your own for a pool, or for credentials fetched at run time. It is
 * serialized with the pipeline, so it must not hold a connection, only what is needed to open one.
 */
@FunctionalInterface
public interface JdbcConnectionFactory extends Serializable {
  Connection open() throws SQLException;

  /** Connections from {@link DriverManager}; a null user or password is left out. */
  static JdbcConnectionFactory driverManager(String url, String user, String password) {
    return new DriverManagerConnections(url, user, password);
  }
}
