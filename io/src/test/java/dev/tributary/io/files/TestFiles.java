package dev.tributary.io.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/** Writes test input files with a chosen modification time, since read order depends on it. */
final class TestFiles {
  private TestFiles() {}

  static Path write(Path dir, String name, String content, long modifiedMillis) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
    return file;
  }
}
