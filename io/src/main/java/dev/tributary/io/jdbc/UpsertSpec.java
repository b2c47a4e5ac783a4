package dev.tributary.io.jdbc;

import dev.tributary.transforms.modes.OutputMode;
import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Everything {@link JdbcUpsertIO.Write} was configured with; travels with the pipeline to the workers.
 * Each {@code with} step of the transform gets a changed copy, so a published spec never changes.
 */
final class UpsertSpec implements Serializable, Cloneable {
  private static final long serialVersionUID = 1L;

  @Nullable String jdbcUrl;
  @Nullable String user;
  @Nullable String password;
  @Nullable JdbcConnectionFactory connectionFactory;
  @Nullable String table;
  List<String> keyColumns = List.of();
  OutputMode mode = OutputMode.UPDATE;
  int batchSize = 1000;
  int maxAttempts = 6;
  Duration initialBackoff = Duration.millis(200);
  Duration maxBackoff = Duration.standardSeconds(10);
  boolean createTable = true;

  /** A copy with {@code change} applied to it; this spec stays as it is. */
  UpsertSpec with(Consumer<UpsertSpec> change) {
    UpsertSpec copy;
    try {
      copy = (UpsertSpec) clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
    change.accept(copy);
    return copy;
  }

  JdbcConnectionFactory connections() {
    return connectionFactory != null ? connectionFactory : new DriverManagerConnections(jdbcUrl, user, password);
  }

  SqlDialect dialect() {
    return SqlDialect.forUrl(jdbcUrl);
  }

  /** Where rows go, for messages: the table and the URL without its parameters. */
  String target() {
    return Identifiers.quotedTable(table) + " at " + Redact.url(jdbcUrl);
  }
}
