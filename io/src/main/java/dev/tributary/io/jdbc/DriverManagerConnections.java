package dev.tributary.io.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** The default {@link JdbcConnectionFactory}: a class, not a lambda, so its serialized form is stable. */
final class DriverManagerConnections implements JdbcConnectionFactory {
  private static final long serialVersionUID = 1L;
  private final String url;
  private final String user;
  private final String password;

  DriverManagerConnections(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public Connection open() throws SQLException {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(url, properties);
  }

  @Override
  public String toString() {
    // Never the password, and not the URL's parameters, which may hold one.
    return "DriverManager(" + Redact.url(url) + ")";
  }
}
