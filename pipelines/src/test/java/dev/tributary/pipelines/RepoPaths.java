package dev.tributary.pipelines;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's bundled {@code data/} folder from wherever the tests run. */
public final class RepoPaths {
  private RepoPaths() {}

  public static Path data() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("data/logs")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir.resolve("data");
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("no data/logs folder above " + Path.of("").toAbsolutePath());
  }
}
