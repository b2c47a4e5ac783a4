package dev.tributary.io.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  @Test
  void splitsAtEveryTerminatorWhereverTheChunksBreak() {
    byte[] stream = "a\r\nb\rc\n\nd\r\r\ne".getBytes(StandardCharsets.UTF_8);
    List<String> expected = List.of("a", "b", "c", "", "d", "", "e");
    // Every way of cutting the stream in two must give the same lines.
    for (int cut = 0; cut <= stream.length; cut++) {
      LineSplitter splitter = new LineSplitter(1_000);
      splitter.accept(stream, 0, cut);
      splitter.accept(stream, cut, stream.length - cut);
      splitter.endOfStream();
      assertEquals(expected, texts(splitter), "cut at " + cut);
    }
  }

  @Test
  void keepsMultiByteCharactersSplitAcrossChunks() {
    byte[] stream = "€uro\n".getBytes(StandardCharsets.UTF_8);
    LineSplitter splitter = new LineSplitter(1_000);
    for (byte b : stream) {
      splitter.accept(new byte[] {b}, 0, 1);
    }
    assertEquals(List.of("€uro"), texts(splitter));
  }

  @Test
  void noLineUntilItsTerminatorOrTheEndOfTheStream() {
    LineSplitter splitter = new LineSplitter(1_000);
    splitter.accept("par".getBytes(StandardCharsets.UTF_8), 0, 3);
    assertNull(splitter.next());
    splitter.accept("tial".getBytes(StandardCharsets.UTF_8), 0, 4);
    assertNull(splitter.next());
    splitter.endOfStream();
    assertEquals(List.of("partial"), texts(splitter));
  }

  @Test
  void anEmptyStreamOrOneEndingInATerminatorHasNoExtraLine() {
    LineSplitter splitter = new LineSplitter(1_000);
    splitter.endOfStream();
    assertEquals(List.of(), texts(splitter));
    splitter.accept("x\r".getBytes(StandardCharsets.UTF_8), 0, 2);
    splitter.endOfStream();
    assertEquals(List.of("x"), texts(splitter));
  }

  @Test
  void cutsLongLinesAndFlagsThem() {
    LineSplitter splitter = new LineSplitter(4);
    byte[] stream = "abcdefgh\nabcd\nab€\n".getBytes(StandardCharsets.UTF_8);
    splitter.accept(stream, 0, stream.length);
    assertEquals(new LineSplitter.Line("abcd", 8, true), splitter.next());
    assertEquals(new LineSplitter.Line("abcd", 4, false), splitter.next());
    // "ab€" is 5 bytes; the limit falls inside the euro sign, which is left out whole.
    assertEquals(new LineSplitter.Line("ab", 5, true), splitter.next());
    assertNull(splitter.next());
  }

  @Test
  void findsTheLastWholeCharacterBeforeACut() {
    byte[] euro = "a€".getBytes(StandardCharsets.UTF_8); // 61 E2 82 AC
    assertEquals(4, LineSplitter.completeCharactersIn(euro, 4));
    assertEquals(1, LineSplitter.completeCharactersIn(euro, 3));
    assertEquals(1, LineSplitter.completeCharactersIn(euro, 2));
    assertEquals(1, LineSplitter.completeCharactersIn(euro, 1));
    byte[] malformed = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80};
    assertEquals(4, LineSplitter.completeCharactersIn(malformed, 4));
  }

  private static List<String> texts(LineSplitter splitter) {
    List<String> texts = new ArrayList<>();
    for (LineSplitter.Line line = splitter.next(); line != null; line = splitter.next()) {
      texts.add(line.text());
    }
    return texts;
  }
}
