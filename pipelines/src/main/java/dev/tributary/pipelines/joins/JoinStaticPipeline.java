package dev.tributary.pipelines.joins;

import static dev.tributary.pipelines.joins.JoinTables.PLAYERS_SCHEMA;
import static dev.tributary.pipelines.joins.JoinTables.PLAYS_WITH_PLAYERS;
import static dev.tributary.pipelines.joins.JoinTables.REJECTED_PLAYERS;
import static dev.tributary.pipelines.joins.JoinTables.REJECTED_PLAYS;

import dev.tributary.io.s3.TributaryS3;
import dev.tributary.pipelines.common.Aggregation;
import dev.tributary.pipelines.common.ResultSinks;
import dev.tributary.transforms.events.ParseLines;
import dev.tributary.transforms.joins.JoinSides;
import dev.tributary.transforms.joins.JoinType;
import dev.tributary.transforms.joins.JoinWithStaticTable;
import dev.tributary.transforms.joins.ParseJoinRows;
import dev.tributary.transforms.joins.Play;
import dev.tributary.transforms.joins.Player;
import dev.tributary.transforms.joins.PlayerCoder;
import dev.tributary.transforms.logs.TimeMode;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.table.TabulateFirings;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * The {@code join-static} job, the seeds' stream-static join: each play ({@code player,score}) looked up in
 * the static players table ({@code name,age}, held in memory as a side input, {@link JoinWithStaticTable})
 * and emitted at once with the player's age, as an inner or left outer join. Nothing waits for a window: a
 * play is joined as soon as the table is loaded.
 *
 * <p>Plays of players not in the table are counted (the summary line says how many); inner mode drops them,
 * left outer mode emits them with a null age. Malformed play and table lines are dead letters with their
 * reason. A table with two rows for one name stops the job with an error naming it.
 *
 * <p>The result is a query without aggregation: complete mode is refused (Spark's rule); append and update
 * emit each joined play once. In streaming, {@code --trigger} paces the batches of rows shown.
 */
public final class JoinStaticPipeline {
  static final String DEFAULT_INPUT = "data/joins/plays.csv";
  static final String DEFAULT_PLAYERS = "data/joins/players.csv";
  static final String JOIN_STEP = "JoinPlaysWithPlayers";

  private JoinStaticPipeline() {}

  /**
   * Adds the job to {@code p}; a bad option throws {@link IllegalArgumentException} with a message fit to
   * show the user.
   */
  public static JoinJobInputs build(Pipeline p, JoinStaticOptions o) {
    TributaryS3.configure(o);
    FileSystems.setDefaultPipelineOptions(o);
    String inputOption = o.getInput() == null ? DEFAULT_INPUT : o.getInput();
    String playersOption = o.getPlayers() == null ? DEFAULT_PLAYERS : o.getPlayers();
    JoinType joinType = joinType(o.getJoinType());
    boolean streaming = JoinInput.isStream("input", inputOption, o);
    if (streaming) {
      BoundedReadsOnSpark.check(o, "--players");
    }
    OutputMode.parse(o.getOutputMode()).checkNoAggregation();
    // Rows without aggregation may be appended, so the append check of aggregations does not apply.
    Aggregation rows = Aggregation.from(o, streaming, true);
    // Cells whole by default: the rows' times would be cut at 20 characters.
    ResultSinks sinks = ResultSinks.from(o, streaming, 20, false);
    checkTable(playersOption);
    // No @Default on timeMode: other jobs share the name with other defaults (see LineInput).
    TimeMode timeMode = o.getTimeMode() == null ? TimeMode.EVENT : o.getTimeMode();
    JoinInput<Play> input = JoinInput.from("input", inputOption, o, RowFormat.plays(), timeMode);

    JoinInput.Parsed<Play> plays = input.read(p);
    ParseLines.Result<Player> players =
        p.apply("ReadPlayers", TextIO.read().from(playersOption)).apply("ParsePlayers", ParseJoinRows.players());
    PCollection<KV<String, Player>> playersByName =
        players
            .records()
            .apply("KeyPlayersByName", WithKeys.of(Player::getName).withKeyType(TypeDescriptors.strings()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), PlayerCoder.of()));
    PCollection<KV<String, KV<TimestampedValue<Play>, @Nullable Player>>> joined =
        JoinSides.of(JoinStreamsPipeline.keyed(plays.rows(), "KeyPlaysByPlayer", row -> row.getValue().getPlayer()), playersByName)
            .apply(
                JOIN_STEP,
                JoinWithStaticTable.<String, TimestampedValue<Play>, @Nullable Player>create().withJoinType(joinType));
    // Each play is a result row of its own: gather them into one table per firing of the trigger.
    PCollection<KV<String, KV<TimestampedValue<Play>, @Nullable Player>>> batches =
        joined.apply(
            "RowsPerTrigger",
            Window.<KV<String, KV<TimestampedValue<Play>, @Nullable Player>>>into(new GlobalWindows())
                .triggering(rows.trigger().toTrigger())
                .withAllowedLateness(Duration.ZERO)
                .discardingFiredPanes());
    sinks.write(
        batches.apply("JoinedTable", TabulateFirings.of(PLAYS_WITH_PLAYERS, PLAYERS_SCHEMA, JoinTables::playersRow)),
        PLAYS_WITH_PLAYERS,
        rows.mode());
    sinks.writeDeadLetters(plays.deadLetters(), REJECTED_PLAYS);
    sinks.writeDeadLetters(players.deadLetters(), REJECTED_PLAYERS);
    return new JoinJobInputs(input.streaming(), input.describe());
  }

  /** {@code inner} or {@code left_outer} ({@code left}, {@code leftOuter} and {@code left-outer} too), any case. */
  static JoinType joinType(@Nullable String value) {
    if (value == null) {
      return JoinType.INNER;
    }
    String v = value.trim().toLowerCase(Locale.ROOT).replace("-", "_");
    switch (v) {
      case "inner":
        return JoinType.INNER;
      case "left":
      case "left_outer":
      case "leftouter":
        return JoinType.LEFT_OUTER;
      default:
        throw new IllegalArgumentException("--joinType=" + value + " is not inner or left_outer");
    }
  }

  /** The table must be files read once: a stream never ends, so it could never be complete. */
  private static void checkTable(String players) {
    if (players.startsWith("tcp://")) {
      throw new IllegalArgumentException(
          "--players=" + players + " is a stream; the players table must be a file read once");
    }
    try {
      MatchResult match = FileSystems.match(List.of(players), EmptyMatchTreatment.ALLOW).get(0);
      if (match.status() != MatchResult.Status.OK || match.metadata().isEmpty()) {
        throw new IllegalArgumentException("no players table found at --players=" + players);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list --players=" + players + ": " + e.getMessage());
    }
  }
}
