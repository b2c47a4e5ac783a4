package dev.tributary.runners.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the bundled jar must and must not contain to run under spark-submit. */
class BundledJarIT {
  private static final List<String> names = new ArrayList<>();
  private static JarFile jar;

  @BeforeAll
  static void open() throws IOException {
    jar = new JarFile(SparkRuns.bundledJar().toFile());
    jar.stream().map(JarEntry::getName).forEach(names::add);
  }

  /** Every entry inflates: a jar written by two builds at once (a shared checkout) fails here, not later. */
  @Test
  void isAnIntactZip() throws IOException {
    byte[] buffer = new byte[1 << 16];
    long bytes = 0;
    for (JarEntry entry : java.util.Collections.list(jar.entries())) {
      try (InputStream in = jar.getInputStream(entry)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          bytes += n;
        }
      } catch (IOException | RuntimeException e) {
        throw new AssertionError("cannot read " + entry.getName() + " in " + jar.getName() + "; rebuild it", e);
      }
    }
    assertTrue(bytes > 0);
  }

  @Test
  void holdsTheJobsAndBothRunners() {
    assertTrue(names.contains("dev/tributary/pipelines/cli/Tributary.class"));
    assertTrue(names.contains("dev/tributary/io/files/WatchedTextIO.class"));
    assertTrue(names.contains("dev/tributary/transforms/logs/AccessLogParser.class"));
    assertTrue(names.contains("org/apache/beam/runners/spark/SparkRunner.class"));
    assertTrue(names.contains("org/apache/beam/runners/direct/DirectRunner.class"));
  }

  @Test
  void leavesOutWhatSparkProvides() {
    for (String prefix : List.of("org/apache/spark/", "scala/", "org/apache/hadoop/", "org/apache/log4j/",
        "org/apache/logging/log4j/", "org/slf4j/simple/", "org/apache/zookeeper/", "org/apache/curator/")) {
      assertEquals(List.of(), names.stream().filter(n -> n.startsWith(prefix)).limit(5).toList(), prefix);
    }
  }

  @Test
  void relocatesGuava() {
    assertEquals(List.of(), names.stream()
        .filter(n -> n.startsWith("com/google/common/") || n.startsWith("com/google/thirdparty/"))
        .limit(5).toList());
    assertTrue(names.contains("dev/tributary/shaded/com/google/common/base/Preconditions.class"));
  }

  @Test
  void mergesServiceFiles() throws IOException {
    String runners = entry("META-INF/services/org.apache.beam.sdk.runners.PipelineRunnerRegistrar");
    assertTrue(runners.contains("org.apache.beam.runners.spark.SparkRunnerRegistrar$Runner"), runners);
    assertTrue(runners.contains("org.apache.beam.runners.direct.DirectRegistrar$Runner"), runners);
    String options = entry("META-INF/services/org.apache.beam.sdk.options.PipelineOptionsRegistrar");
    assertTrue(options.contains("org.apache.beam.runners.spark.SparkRunnerRegistrar$Options"), options);
    assertTrue(options.contains("org.apache.beam.runners.direct.DirectRegistrar$Options"), options);
    String fileSystems = entry("META-INF/services/org.apache.beam.sdk.io.FileSystemRegistrar");
    assertTrue(fileSystems.contains("org.apache.beam.sdk.io.LocalFileSystemRegistrar"), fileSystems);
  }

  @Test
  void hasNoSignatures() {
    assertEquals(List.of(), names.stream()
        .filter(n -> n.startsWith("META-INF/") && n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"))
        .toList());
  }

  @Test
  void namesTheEntryPoint() throws IOException {
    assertEquals("dev.tributary.pipelines.cli.Tributary", jar.getManifest().getMainAttributes().getValue("Main-Class"));
  }

  private static String entry(String name) throws IOException {
    JarEntry entry = jar.getJarEntry(name);
    assertTrue(entry != null, "no " + name);
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
