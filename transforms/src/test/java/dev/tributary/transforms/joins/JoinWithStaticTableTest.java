package dev.tributary.transforms.joins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.transforms.common.CounterTotals;
import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.events.ParseLines;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Plays joined with the static players table {@code events/players.csv}: a header, three good rows (alice
 * 31, bob 25, dave 40) and three malformed ones.
 */
class JoinWithStaticTableTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void malformedTableRowsAreDeadLettersAndTheHeaderIsSkipped() throws URISyntaxException {
    ParseLines.Result<Player> table = readPlayers();

    PAssert.that(table.records())
        .containsInAnyOrder(new Player("alice", 31), new Player("bob", 25), new Player("dave", 40));
    PAssert.that(table.deadLetters())
        .containsInAnyOrder(
            new DeadLetter("erin,twenty", "age is not an integer"),
            new DeadLetter("frank", "expected 2 comma-separated fields, found 1"),
            new DeadLetter(",22", "name is empty"));
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertEquals(1, CounterTotals.of(run, ParseJoinRows.PLAYERS_NAMESPACE, ParseLines.SKIPPED));
  }

  @Test
  void innerJoinDropsAndCountsPlaysOfUnknownPlayers() throws URISyntaxException {
    PCollection<KV<String, KV<Play, Player>>> joined =
        JoinSides.of(plays(), byName(readPlayers())).apply("Join", JoinWithStaticTable.create());

    PAssert.that(joined)
        .containsInAnyOrder(
            pair("alice", 10, 31), pair("alice", 7, 31), pair("bob", 20, 25), pair("dave", 1, 40));
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertEquals(4, joinCounter(run, JoinStreamsPerWindow.JOINED_PAIRS));
    assertEquals(2, joinCounter(run, JoinStreamsPerWindow.UNMATCHED_LEFT));
  }

  @Test
  void leftOuterJoinKeepsPlaysOfUnknownPlayersWithNull() throws URISyntaxException {
    PCollection<KV<String, KV<Play, Player>>> joined =
        JoinSides.of(plays(), byName(readPlayers()))
            .apply(
                "Join",
                JoinWithStaticTable.<String, Play, Player>create().withJoinType(JoinType.LEFT_OUTER));

    // carol is not in the table; erin's row was malformed, so erin is not in it either.
    PAssert.that(joined)
        .containsInAnyOrder(
            pair("alice", 10, 31),
            pair("alice", 7, 31),
            pair("bob", 20, 25),
            pair("dave", 1, 40),
            KV.of("carol", KV.of(new Play("carol", 5), null)),
            KV.of("erin", KV.of(new Play("erin", 8), null)));
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertEquals(4, joinCounter(run, JoinStreamsPerWindow.JOINED_PAIRS));
    assertEquals(2, joinCounter(run, JoinStreamsPerWindow.UNMATCHED_LEFT));
  }

  @Test
  void duplicateKeysInTheTableFailThePipelineNamingTheKey() {
    PCollection<KV<String, Player>> table =
        byName(
            p.apply("Table", Create.of("name,age", "alice,31", "bob,25", "alice,32"))
                .apply("ParsePlayers", ParseJoinRows.players()));
    JoinSides.of(plays(), table).apply("Join", JoinWithStaticTable.create());

    Pipeline.PipelineExecutionException e =
        assertThrows(Pipeline.PipelineExecutionException.class, () -> p.run().waitUntilFinish());
    String message = e.getCause().getMessage();
    assertTrue(
        message.startsWith("the static table has 2 rows for key 'alice', keys must be unique: ["),
        message);
    assertTrue(message.contains("Player{name=alice, age=31}"), message);
    assertTrue(message.contains("Player{name=alice, age=32}"), message);
  }

  @Test
  void streamRowsKeepTheirWindowsAndAreJoinedWithoutWaitingForThem() throws URISyntaxException {
    Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
    TestStream<KV<String, Play>> stream =
        TestStream.create(KvCoder.of(StringUtf8Coder.of(), PlayCoder.of()))
            .addElements(TimestampedValue.of(keyed("alice", 1), t0.plus(Duration.standardSeconds(1))))
            .advanceWatermarkTo(t0.plus(Duration.standardSeconds(30)))
            .addElements(
                TimestampedValue.of(keyed("bob", 2), t0.plus(Duration.standardSeconds(35))),
                TimestampedValue.of(keyed("zoe", 3), t0.plus(Duration.standardSeconds(36))))
            .advanceWatermarkToInfinity();
    PCollection<KV<String, Play>> plays =
        p.apply(stream).apply(Window.into(FixedWindows.of(Duration.standardSeconds(30))));

    PCollection<KV<String, KV<Play, Player>>> joined =
        JoinSides.of(plays, byName(readPlayers())).apply("Join", JoinWithStaticTable.create());

    PAssert.that(joined)
        .inWindow(new IntervalWindow(t0, Duration.standardSeconds(30)))
        .containsInAnyOrder(pair("alice", 1, 31));
    PAssert.that(joined)
        .inWindow(new IntervalWindow(t0.plus(Duration.standardSeconds(30)), Duration.standardSeconds(30)))
        .containsInAnyOrder(pair("bob", 2, 25));
    p.run().waitUntilFinish();
  }

  @Test
  void anUnboundedTableIsRejected() {
    PCollection<KV<String, Player>> streamedTable =
        p.apply(
            "StreamedTable",
            TestStream.create(KvCoder.of(StringUtf8Coder.of(), PlayerCoder.of()))
                .addElements(KV.of("alice", new Player("alice", 31)))
                .advanceWatermarkToInfinity());
    JoinSides<String, Play, Player> sides = JoinSides.of(plays(), streamedTable);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> sides.apply("Join", JoinWithStaticTable.<String, Play, Player>create()));
    assertEquals(
        "the static table of a join must be bounded (a file read once), not a stream", e.getMessage());
  }

  private ParseLines.Result<Player> readPlayers() throws URISyntaxException {
    Path csv = Path.of(getClass().getResource("/events/players.csv").toURI());
    return p.apply("ReadPlayers", TextIO.read().from(csv.toString()))
        .apply("ParsePlayers", ParseJoinRows.players());
  }

  private static PCollection<KV<String, Player>> byName(ParseLines.Result<Player> table) {
    return table
        .records()
        .apply("ByName", WithKeys.of(Player::getName).withKeyType(TypeDescriptors.strings()));
  }

  private PCollection<KV<String, Play>> plays() {
    return p.apply(
        "Plays",
        Create.of(
                keyed("alice", 10),
                keyed("bob", 20),
                keyed("carol", 5),
                keyed("alice", 7),
                keyed("dave", 1),
                keyed("erin", 8))
            .withCoder(KvCoder.of(StringUtf8Coder.of(), PlayCoder.of())));
  }

  private static KV<String, Play> keyed(String player, int score) {
    return KV.of(player, new Play(player, score));
  }

  private static KV<String, KV<Play, Player>> pair(String name, int score, int age) {
    return KV.of(name, KV.of(new Play(name, score), new Player(name, age)));
  }

  private static long joinCounter(PipelineResult run, String name) {
    return CounterTotals.of(run, JoinStreamsPerWindow.NAMESPACE, name);
  }
}
