package dev.tributary.runners.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@code tributary} command line from the bundled jar on Spark in this JVM, the way spark-submit
 * loads an application: Spark's jars in one class loader, the bundled jar in a child of it, neither seeing
 * the test's own class path. One such pair serves every run, so each job pays only for its Spark context,
 * not for a new JVM. The JVM needs Spark's {@code --add-opens} flags (failsafe's argLine).
 */
final class SparkInProcess {
  private static SparkInProcess shared;

  private final ClassLoader application;
  private final Method run;

  private SparkInProcess(ClassLoader application) throws ReflectiveOperationException {
    this.application = application;
    this.run = application.loadClass("dev.tributary.pipelines.cli.Tributary")
        .getMethod("run", String[].class, PrintStream.class, PrintStream.class);
  }

  /** The loaders of the bundled jar over the Maven-resolved Spark class path, made once. */
  static synchronized SparkInProcess get() throws IOException, ReflectiveOperationException {
    if (shared == null) {
      String classpathFile = System.getProperty("tributary.spark.classpathFile");
      List<URL> sparkJars = new ArrayList<>();
      for (String jar : Files.readString(Path.of(classpathFile)).trim().split(java.io.File.pathSeparator)) {
        sparkJars.add(Path.of(jar).toUri().toURL());
      }
      ClassLoader spark = new URLClassLoader("spark", sparkJars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      ClassLoader bundle = new URLClassLoader("bundle", new URL[] {SparkRuns.bundledJar().toUri().toURL()}, spark);
      shared = new SparkInProcess(bundle);
    }
    return shared;
  }

  /** What a run returned and printed; the console sink's tables are in {@code console}. */
  record Result(int status, String out, String err, String console) {
    String describe() {
      return "status " + status + "\n--- out ---\n" + SparkRuns.tail(out) + "\n--- err ---\n" + SparkRuns.tail(err)
          + "\n--- console ---\n" + SparkRuns.tail(console);
    }
  }

  /** Runs {@code args} to the end. Runs must not overlap: System.out is global. */
  synchronized Result run(List<String> args) throws ReflectiveOperationException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream systemOut = System.out;
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream c = new PrintStream(console, true, StandardCharsets.UTF_8)) {
      // Beam and Spark find their plugins (options, file systems, runners) through the context class loader.
      thread.setContextClassLoader(application);
      System.setOut(c);
      int status = (Integer) run.invoke(null, args.toArray(String[]::new), o, e);
      return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
          console.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(systemOut);
      thread.setContextClassLoader(previous);
    }
  }
}
