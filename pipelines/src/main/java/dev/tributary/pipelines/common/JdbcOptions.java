package dev.tributary.pipelines.common;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** A database the results are upserted into, one row per key and window. */
public interface JdbcOptions extends PipelineOptions {
  @Description(
      "Also upsert the results into a database: a JDBC URL such as jdbc:h2:file:./out/tributary "
          + "(embedded, no server) or jdbc:postgresql://127.0.0.1:5432/db. Each result is a table that "
          + "keeps one row per key and window.")
  String getJdbcUrl();

  void setJdbcUrl(String value);

  @Description("Database user for --jdbcUrl.")
  String getJdbcUser();

  void setJdbcUser(String value);

  @Description("Database password for --jdbcUrl; prefer the PGPASSWORD-style settings of your driver.")
  String getJdbcPassword();

  void setJdbcPassword(String value);
}
