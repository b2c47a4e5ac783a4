package dev.tributary.pipelines.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The servers the runner modules' sources-and-sinks tests of the {@code logs} job need: an S3 server on
 * loopback holding the bundled logs under {@value #LOGS_PREFIX}, and PostgreSQL when its binaries are
 * installed. PostgreSQL starts in the background (initdb takes seconds), since only the socket runs use it.
 */
public final class LogsServers implements AutoCloseable {
  public static final String LOGS_PREFIX = "s3://logs/access/";

  private final LoopbackS3 s3;
  private final CompletableFuture<LocalPostgres> postgres;

  private LogsServers(LoopbackS3 s3, CompletableFuture<LocalPostgres> postgres) {
    this.s3 = s3;
    this.postgres = postgres;
  }

  public static LogsServers start(Path repoRoot) throws Exception {
    CompletableFuture<LocalPostgres> postgres =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return LocalPostgres.startIfInstalled(repoRoot);
              } catch (Exception e) {
                throw new IllegalStateException("starting PostgreSQL failed", e);
              }
            });
    LoopbackS3 s3;
    try {
      s3 = LoopbackS3.start();
      Path logs = repoRoot.resolve("data/logs");
      s3.upload("logs", "access/", List.of(logs.resolve("access-001.log"), logs.resolve("access-002.log")));
    } catch (Exception e) {
      closePostgres(postgres);
      throw e;
    }
    return new LogsServers(s3, postgres);
  }

  public LoopbackS3 s3() {
    return s3;
  }

  /** Waits for PostgreSQL to be up; null when its binaries are not installed ({@code .ci/postgres.sh}). */
  public LocalPostgres postgres() {
    return postgres.join();
  }

  @Override
  public void close() throws Exception {
    try {
      s3.close();
    } finally {
      closePostgres(postgres);
    }
  }

  private static void closePostgres(CompletableFuture<LocalPostgres> postgres) throws Exception {
    LocalPostgres started = postgres.join();
    if (started != null) {
      started.close();
    }
  }
}
