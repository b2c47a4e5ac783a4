package dev.tributary.pipelines.events;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL server on 127.0.0.1, started and stopped with the repository's {@code
 * .ci/postgres.sh} (as the io module's JDBC tests do), with its data under /tmp. If {@code TRIBUTARY_PG_URL}
 * is set, that server is used and left alone.
 */
final class PostgresForTests implements AutoCloseable {
  final String url;
  final String user;
  final String password;
  private final Path script;
  private final String base;

  private PostgresForTests(String url, String user, String password, Path script, String base) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.script = script;
    this.base = base;
  }

  static PostgresForTests start() throws IOException, InterruptedException {
    if (System.getenv("TRIBUTARY_PG_URL") != null) {
      return new PostgresForTests(
          System.getenv("TRIBUTARY_PG_URL"), System.getenv("TRIBUTARY_PG_USER"), System.getenv("TRIBUTARY_PG_PASSWORD"), null, null);
    }
    Path script = script();
    String base = "/tmp/tributary-pg-events-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> env = Map.of("PG_BASE", base, "PGPORT", String.valueOf(freePort()));
    String out = run(script, "start", env);
    Map<String, String> exports = new HashMap<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("export ")) {
        String assignment = line.substring("export ".length());
        int eq = assignment.indexOf('=');
        exports.put(assignment.substring(0, eq), assignment.substring(eq + 1));
      }
    }
    PostgresForTests server =
        new PostgresForTests(
            exports.get("TRIBUTARY_PG_URL"), exports.get("TRIBUTARY_PG_USER"), exports.get("TRIBUTARY_PG_PASSWORD"), script, base);
    // Not left behind if the JVM stops before close().
    Runtime.getRuntime().addShutdownHook(new Thread(server::closeQuietly));
    return server;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (script != null && Files.isDirectory(Path.of(base))) {
      run(script, "stop", Map.of("PG_BASE", base));
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (Exception ignored) {
      // Best effort at JVM exit.
    }
  }

  private static String run(Path script, String command, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of("bash", script.toString(), command));
    builder.environment().putAll(env);
    Path out = Files.createTempFile("pg-out", ".txt");
    Path err = Files.createTempFile("pg-err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(".ci/postgres.sh " + command + " did not finish in 120 s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            ".ci/postgres.sh " + command + " failed (run .ci/postgres.sh install if the server is missing): "
                + Files.readString(err, StandardCharsets.UTF_8));
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(".ci/postgres.sh"))) {
        return dir.resolve(".ci/postgres.sh");
      }
    }
    throw new IllegalStateException(".ci/postgres.sh not found above " + Path.of("").toAbsolutePath());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
