package dev.tributary.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultLinesTest {
  @Test
  void formatsWindowsInUtcWithTabs() {
    assertEquals("top\t2024-06-01T12:00:10Z\t1\t/\t42", ResultLines.top(1717243210000L, 1, "/", 42));
    assertEquals("status\t404\t7", ResultLines.status(404, 7));
    assertEquals("rejected\t0", ResultLines.rejected(0));
  }

  @Test
  void equalLinesHaveNoDifferences() {
    List<String> a = List.of("rejected\t1", "status\t200\t5");
    assertEquals(List.of(), ResultLines.differences(a, List.of("rejected\t1", "status\t200\t5"), 10));
  }

  @Test
  void reportsMissingUnexpectedAndDuplicatedLines() {
    List<String> expected = List.of("rejected\t1", "status\t200\t5", "status\t404\t2");
    List<String> actual = List.of("rejected\t1", "rejected\t1", "status\t200\t6", "status\t404\t2");
    assertEquals(
        List.of("unexpected: rejected 1", "missing: status 200 5", "unexpected: status 200 6"),
        ResultLines.differences(expected, actual, 10));
    assertEquals(
        List.of("unexpected: rejected 1", "... 2 more differing lines"),
        ResultLines.differences(expected, actual, 1));
  }
}
