package dev.tributary.transforms.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CsvFieldsTest {
  @Test
  void splitsAndTrimsFields() {
    assertArrayEquals(new String[] {"a", "b c", ""}, CsvFields.split(" a , b c ,\r", "x", "y", "z"));
  }

  @Test
  void quotesAreOrdinaryCharacters() {
    assertArrayEquals(new String[] {"\"a", "b\""}, CsvFields.split("\"a,b\"", "x", "y"));
  }

  @Test
  void headerIsRecognisedInAnyCaseAndAfterAByteOrderMark() {
    assertNull(CsvFields.split("Name, AGE", "name", "age"));
    assertNull(CsvFields.split("\uFEFFname,age\r", "name", "age"));
  }

  @Test
  void byteOrderMarkIsNotPartOfTheFirstField() {
    assertArrayEquals(new String[] {"alice", "31"}, CsvFields.split("\uFEFFalice,31", "name", "age"));
  }

  @Test
  void wrongFieldCountSaysHowMany() {
    MalformedLineException e =
        assertThrows(MalformedLineException.class, () -> CsvFields.split("a,b,c", "x", "y"));
    assertEquals("expected 2 comma-separated fields, found 3", e.getMessage());
    e = assertThrows(MalformedLineException.class, () -> CsvFields.split("a", "x", "y"));
    assertEquals("expected 2 comma-separated fields, found 1", e.getMessage());
  }

  @Test
  void blankLineIsEmpty() {
    MalformedLineException e =
        assertThrows(MalformedLineException.class, () -> CsvFields.split(" \r", "x", "y"));
    assertEquals("empty line", e.getMessage());
  }

  @Test
  void integersAndNonEmptyFields() {
    assertEquals(-7, CsvFields.parseInt("-7", "score"));
    assertEquals(
        "score is not an integer",
        assertThrows(MalformedLineException.class, () -> CsvFields.parseInt("7.5", "score")).getMessage());
    assertEquals(
        "score is not an integer",
        assertThrows(MalformedLineException.class, () -> CsvFields.parseInt("99999999999", "score"))
            .getMessage());
    assertEquals(
        "name is empty",
        assertThrows(MalformedLineException.class, () -> CsvFields.nonEmpty("", "name")).getMessage());
  }
}
