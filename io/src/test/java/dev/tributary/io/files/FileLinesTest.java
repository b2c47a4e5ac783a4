package dev.tributary.io.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileLinesTest {
  private static List<String> lines(byte[] bytes) throws IOException {
    List<String> lines = new ArrayList<>();
    try (FileLines file = FileLines.of("test", new ByteArrayInputStream(bytes))) {
      for (String line = file.next(); line != null; line = file.next()) {
        lines.add(line);
      }
      assertEquals(lines.size(), file.linesRead());
    }
    return lines;
  }

  private static List<String> lines(String text) throws IOException {
    return lines(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void splitsAtLfCrLfAndLoneCr() throws IOException {
    assertEquals(List.of("a", "b", "c", "d"), lines("a\nb\r\nc\rd"));
  }

  @Test
  void aTrailingTerminatorDoesNotMakeAnExtraLine() throws IOException {
    assertEquals(List.of("a"), lines("a\r\n"));
    assertEquals(List.of("a"), lines("a\r"));
    assertEquals(List.of("", ""), lines("\n\n"));
    assertEquals(List.of(), lines(""));
  }

  @Test
  void keepsCrLfTogetherAcrossBufferBoundaries() throws IOException {
    for (int length = 8180; length < 8200; length++) {
      String first = "x".repeat(length);
      assertEquals(List.of(first, "y"), lines(first + "\r\ny"), "length " + length);
    }
  }

  @Test
  void dropsAByteOrderMarkOnlyAtTheStart() throws IOException {
    assertEquals(List.of("a", "\uFEFFb"), lines("\uFEFFa\n\uFEFFb\n"));
  }

  @Test
  void decodesMalformedBytesAsReplacementCharacters() throws IOException {
    byte[] bytes = {'a', (byte) 0xFF, 'b', '\n', (byte) 0xC3, '\n', (byte) 0xC3, (byte) 0xA9};

    assertEquals(List.of("a\uFFFDb", "\uFFFD", "\u00E9"), lines(bytes));
  }

  @Test
  void skipsLinesAlreadyEmitted() throws IOException {
    try (FileLines file =
        FileLines.of("test", new ByteArrayInputStream("1\n2\n3\n".getBytes(StandardCharsets.UTF_8)))) {
      file.skip(2);
      assertEquals(2, file.linesRead());
      assertEquals("3", file.next());
      assertNull(file.next());
    }
  }

  @Test
  void skippingPastTheEndJustEndsTheFile() throws IOException {
    try (FileLines file =
        FileLines.of("test", new ByteArrayInputStream("1\n".getBytes(StandardCharsets.UTF_8)))) {
      file.skip(5);
      assertNull(file.next());
    }
  }
}
