package dev.tributary.pipelines.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server for the tests: the one named by {@code TRIBUTARY_PG_URL} (left alone), or one started
 * with {@code .ci/postgres.sh start} on a free loopback port and stopped with {@code .ci/postgres.sh stop}
 * (which ends it by the PID it recorded). {@link #startIfInstalled} returns null when the server binaries
 * are absent. Each run gets its own schema, so runs never see each other's tables.
 */
public final class LocalPostgres implements AutoCloseable {
  private final String url;
  private final String user;
  private final String password;
  private final Path script;
  private final String base;

  private LocalPostgres(String url, String user, String password, Path script, String base) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.script = script;
    this.base = base;
  }

  public static LocalPostgres startIfInstalled(Path repoRoot) throws IOException, InterruptedException {
    String external = System.getenv("TRIBUTARY_PG_URL");
    if (external != null) {
      return new LocalPostgres(external, System.getenv("TRIBUTARY_PG_USER"), System.getenv("TRIBUTARY_PG_PASSWORD"),
          null, null);
    }
    Path script = repoRoot.resolve(".ci/postgres.sh");
    if (run(script, Map.of(), "bin").status != 0) {
      return null;
    }
    String base = "/tmp/tributary-pg-it-" + UUID.randomUUID().toString().substring(0, 8);
    Result started = run(script, Map.of("PG_BASE", base, "PGPORT", Integer.toString(freePort())), "start");
    if (started.status != 0) {
      throw new IllegalStateException(".ci/postgres.sh start failed: " + started.err);
    }
    Map<String, String> env = new HashMap<>();
    for (String line : started.out.split("\n")) {
      if (line.startsWith("export ")) {
        String assignment = line.substring("export ".length());
        int eq = assignment.indexOf('=');
        env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
      }
    }
    LocalPostgres server = new LocalPostgres(env.get("TRIBUTARY_PG_URL"), env.get("TRIBUTARY_PG_USER"),
        env.get("TRIBUTARY_PG_PASSWORD"), script, base);
    // Should the JVM stop before the tests' cleanup, the server must not outlive it.
    Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly));
    return server;
  }

  /** A fresh schema; the JDBC URL that makes it the default for unqualified table names. */
  public String newSchema(String prefix) throws SQLException {
    String schema = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = connect(url); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public Connection connect(String jdbcUrl) throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (script == null) {
      return;
    }
    Result stopped = run(script, Map.of("PG_BASE", base), "stop");
    if (stopped.status != 0) {
      throw new IllegalStateException(".ci/postgres.sh stop failed: " + stopped.err);
    }
  }

  private void stopQuietly() {
    try {
      if (Files.exists(Path.of(base, "data", "postmaster.pid"))) {
        close();
      }
    } catch (Exception ignored) {
      // Best effort while the JVM exits.
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private record Result(int status, String out, String err) {}

  private static Result run(Path script, Map<String, String> env, String command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of("bash", script.toString(), command));
    builder.environment().putAll(env);
    Path out = Files.createTempFile("pg-out", ".txt");
    Path err = Files.createTempFile("pg-err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(".ci/postgres.sh " + command + " did not finish in 120 s");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
