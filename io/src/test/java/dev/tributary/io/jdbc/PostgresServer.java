package dev.tributary.io.jdbc;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for one test class, started with {@code .ci/postgres.sh start} on a free port
 * with its data under /tmp, and stopped, by the PID the script reports, with {@code .ci/postgres.sh stop}.
 * If {@code TRIBUTARY_PG_URL} is set, that server is used instead and left alone.
 */
final class PostgresServer implements AutoCloseable {
  final String url;
  final String user;
  final String password;
  final String version;
  private final Path script;
  private final String base;
  private final long pid;

  private PostgresServer(Map<String, String> env, Path script, String version) {
    this.url = env.get("TRIBUTARY_PG_URL");
    this.user = env.get("TRIBUTARY_PG_USER");
    this.password = env.get("TRIBUTARY_PG_PASSWORD");
    this.script = script;
    this.base = env.get("TRIBUTARY_PG_BASE");
    this.pid = env.containsKey("TRIBUTARY_PG_PID") ? Long.parseLong(env.get("TRIBUTARY_PG_PID")) : -1;
    this.version = version;
  }

  static PostgresServer start() throws IOException, InterruptedException {
    String external = System.getenv("TRIBUTARY_PG_URL");
    if (external != null) {
      Map<String, String> env = new HashMap<>();
      env.put("TRIBUTARY_PG_URL", external);
      env.put("TRIBUTARY_PG_USER", System.getenv("TRIBUTARY_PG_USER"));
      env.put("TRIBUTARY_PG_PASSWORD", System.getenv("TRIBUTARY_PG_PASSWORD"));
      return new PostgresServer(env, null, "external");
    }
    Path script = findScript();
    Result bin = run(script, Map.of(), "bin");
    if (bin.status != 0) {
      throw new IllegalStateException("PostgreSQL server binaries (initdb, postgres, pg_ctl) not found under"
          + " /usr/lib/postgresql/*/bin or on PATH; the psql client alone is not enough. Install them with:"
          + " .ci/postgres.sh install");
    }
    String base = "/tmp/tributary-pg-test-" + UUID.randomUUID().toString().substring(0, 8);
    Result started = run(script, Map.of("PG_BASE", base, "PGPORT", String.valueOf(freePort())), "start");
    if (started.status != 0) {
      throw new IllegalStateException(".ci/postgres.sh start failed (status " + started.status + "): " + started.err);
    }
    Map<String, String> env = new HashMap<>();
    for (String line : started.out.split("\n")) {
      if (line.startsWith("export ")) {
        String assignment = line.substring("export ".length());
        int eq = assignment.indexOf('=');
        env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
      }
    }
    String binDir = bin.out.trim();
    Result pg = runCommand(List.of(binDir + "/postgres", "--version"), Map.of());
    PostgresServer server = new PostgresServer(env, script, pg.out.trim());
    // If the JVM is stopped before @AfterAll, do not leave the server behind.
    Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly));
    return server;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (script == null || base == null) {
      return;
    }
    Result stopped = run(script, Map.of("PG_BASE", base), "stop");
    if (stopped.status != 0) {
      throw new IllegalStateException(".ci/postgres.sh stop failed: " + stopped.err);
    }
    ProcessHandle.of(pid).ifPresent(p -> {
      throw new IllegalStateException("PostgreSQL PID " + pid + " still running after stop");
    });
  }

  private void stopQuietly() {
    try {
      if (ProcessHandle.of(pid).isPresent()) {
        close();
      }
    } catch (Exception ignored) {
      // Best effort at JVM exit.
    }
  }

  private static Path findScript() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(".ci/postgres.sh");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(".ci/postgres.sh not found above " + Paths.get("").toAbsolutePath());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Result run(Path script, Map<String, String> env, String command)
      throws IOException, InterruptedException {
    return runCommand(List.of("bash", script.toString(), command), env);
  }

  private static Result runCommand(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    Path out = Files.createTempFile("pg-out", ".txt");
    Path err = Files.createTempFile("pg-err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish in 120 s");
    }
    Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return result;
  }

  private static final class Result {
    final int status;
    final String out;
    final String err;

    Result(int status, String out, String err) {
      this.status = status;
      this.out = out;
      this.err = err;
    }
  }
}
