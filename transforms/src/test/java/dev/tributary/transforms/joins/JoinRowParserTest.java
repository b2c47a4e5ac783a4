package dev.tributary.transforms.joins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tributary.transforms.events.MalformedLineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JoinRowParserTest {
  @Test
  void readsPlaysPersonsAndPlayers() {
    assertEquals(new Play("alice", 42), JoinRowParser.parsePlay("alice,42"));
    assertEquals(new Play("bob", -3), JoinRowParser.parsePlay(" bob , -3 \r"));
    assertEquals(new Person("alice", "Paris"), JoinRowParser.parsePerson("alice,Paris"));
    assertEquals(new Person("carol", "New York"), JoinRowParser.parsePerson("carol, New York"));
    assertEquals(new Player("alice", 31), JoinRowParser.parsePlayer("alice,31"));
  }

  @Test
  void headersAreNoRecords() {
    assertNull(JoinRowParser.parsePlay("player,score"));
    assertNull(JoinRowParser.parsePerson("Person,City"));
    assertNull(JoinRowParser.parsePlayer("\uFEFFname,age"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``|empty line",
        "alice|expected 2 comma-separated fields, found 1",
        "alice,31,Paris|expected 2 comma-separated fields, found 3",
        ",31|name is empty",
        "alice,|age is not an integer",
        "alice,thirty|age is not an integer",
        "alice,31.5|age is not an integer",
        "alice,-1|age is negative",
      })
  void rejectsMalformedPlayerRows(String line, String reason) {
    MalformedLineException e =
        assertThrows(MalformedLineException.class, () -> JoinRowParser.parsePlayer(line));
    assertEquals(reason, e.getMessage());
  }

  @Test
  void rejectsMalformedPlaysAndPersons() {
    assertEquals(
        "score is not an integer",
        assertThrows(MalformedLineException.class, () -> JoinRowParser.parsePlay("alice,lots"))
            .getMessage());
    assertEquals(
        "player is empty",
        assertThrows(MalformedLineException.class, () -> JoinRowParser.parsePlay(" ,3")).getMessage());
    assertEquals(
        "city is empty",
        assertThrows(MalformedLineException.class, () -> JoinRowParser.parsePerson("alice, "))
            .getMessage());
  }
}
