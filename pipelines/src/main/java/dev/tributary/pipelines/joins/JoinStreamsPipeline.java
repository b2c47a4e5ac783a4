package dev.tributary.pipelines.joins;

import static dev.tributary.pipelines.joins.JoinTables.PERSONS_SCHEMA;
import static dev.tributary.pipelines.joins.JoinTables.PLAYS_WITH_PERSONS;
import static dev.tributary.pipelines.joins.JoinTables.REJECTED_PERSONS;
import static dev.tributary.pipelines.joins.JoinTables.REJECTED_PLAYS;

import dev.tributary.io.s3.TributaryS3;
import dev.tributary.pipelines.common.ResultSinks;
import dev.tributary.transforms.common.Durations;
import dev.tributary.transforms.joins.JoinSides;
import dev.tributary.transforms.joins.JoinStreamsPerWindow;
import dev.tributary.transforms.joins.Person;
import dev.tributary.transforms.joins.Play;
import dev.tributary.transforms.logs.TimeMode;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.modes.TriggerSpec;
import dev.tributary.transforms.table.TabulateFirings;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * The {@code join-streams} job, the seeds' stream-stream inner join: plays ({@code player,score}) joined with
 * persons ({@code person,city}) on player = person, within fixed event-time windows ({@link
 * JoinStreamsPerWindow}). Each result row is one pair: the play, the person's city, and both rows' times.
 *
 * <p>When pairs appear: a window's pairs are emitted once the watermark (the slower of the two inputs')
 * passes its end; a one-time read of files emits every window at the end. Unmatched rows (no row with the
 * same key on the other side in the same window) produce nothing, as in any inner join; they are counted and
 * the job's summary line says how many. Rows behind the watermark by more than {@code --allowedLateness} are
 * dropped before the join and counted by the runner (the summary says how many); later rows within it
 * re-emit their key's pairs for that window, all of them, in a late pane. Lines that are no row are dead
 * letters with their reason.
 */
public final class JoinStreamsPipeline {
  static final String DEFAULT_PLAYS = "data/joins/plays.csv";
  static final String DEFAULT_PERSONS = "data/joins/persons.csv";
  static final Duration DEFAULT_WINDOW = Duration.standardMinutes(1);
  /** The join's step name, to find its counters. */
  static final String JOIN_STEP = "JoinPlaysWithPersons";

  private JoinStreamsPipeline() {}

  /**
   * Adds the job to {@code p}; a bad option throws {@link IllegalArgumentException} with a message fit to
   * show the user.
   *
   * @return what the job reads; when a stream, the job runs until stopped or, with {@code --stopAfterIdle},
   *     until its inputs go quiet
   */
  public static JoinJobInputs build(Pipeline p, JoinStreamsOptions o) {
    TributaryS3.configure(o);
    FileSystems.setDefaultPipelineOptions(o);
    String playsOption = o.getPlays() == null ? DEFAULT_PLAYS : o.getPlays();
    String personsOption = o.getPersons() == null ? DEFAULT_PERSONS : o.getPersons();
    Duration window = o.getJoinWindow() == null ? DEFAULT_WINDOW : Durations.parsePositive("joinWindow", o.getJoinWindow());
    Duration lateness = Durations.parse("allowedLateness", o.getAllowedLateness());
    checkOutputMode(o.getOutputMode(), o.getTrigger());
    boolean playsStream = JoinInput.isStream("plays", playsOption, o);
    boolean personsStream = JoinInput.isStream("persons", personsOption, o);
    boolean streaming = playsStream || personsStream;
    if (playsStream != personsStream) {
      BoundedReadsOnSpark.check(o, playsStream ? "--persons" : "--plays");
    }
    // Cells whole by default: the rows' times would be cut at 20 characters.
    ResultSinks sinks = ResultSinks.from(o, streaming, 20, false);
    // No @Default on timeMode: other jobs share the name with other defaults (see LineInput).
    TimeMode timeMode = o.getTimeMode() == null ? TimeMode.EVENT : o.getTimeMode();
    JoinInput<Play> playsInput = JoinInput.from("plays", playsOption, o, RowFormat.plays(), timeMode);
    JoinInput<Person> personsInput = JoinInput.from("persons", personsOption, o, RowFormat.persons(), timeMode);

    JoinInput.Parsed<Play> plays = playsInput.read(p);
    JoinInput.Parsed<Person> persons = personsInput.read(p);
    PCollection<KV<String, KV<TimestampedValue<Play>, TimestampedValue<Person>>>> pairs =
        JoinSides.of(
                keyed(plays.rows(), "KeyPlaysByPlayer", row -> row.getValue().getPlayer()),
                keyed(persons.rows(), "KeyPersonsByName", row -> row.getValue().getPerson()))
            .apply(
                JOIN_STEP,
                JoinStreamsPerWindow.<String, TimestampedValue<Play>, TimestampedValue<Person>>create()
                    .withWindowSize(window)
                    .withAllowedLateness(lateness));
    sinks.write(
        pairs.apply("PairsTable", TabulateFirings.of(PLAYS_WITH_PERSONS, PERSONS_SCHEMA, JoinTables::personsRow)),
        PLAYS_WITH_PERSONS,
        OutputMode.APPEND);
    sinks.writeDeadLetters(plays.deadLetters(), REJECTED_PLAYS);
    sinks.writeDeadLetters(persons.deadLetters(), REJECTED_PERSONS);
    return new JoinJobInputs(
        playsInput.streaming() || personsInput.streaming(), playsInput.describe() + " and " + personsInput.describe());
  }

  /**
   * A join aggregates nothing, so Spark's rule applies: complete mode is refused; append and update both
   * emit each pair once (Spark runs stream-stream joins in append mode only). Pairs are emitted when the
   * watermark closes their window, so a processing-time trigger has nothing to pace.
   */
  static void checkOutputMode(String outputMode, String trigger) {
    OutputMode.parse(outputMode).checkNoAggregation();
    TriggerSpec spec = TriggerSpec.parse(trigger);
    if (spec.getKind() == TriggerSpec.Kind.PROCESSING_TIME) {
      throw new IllegalArgumentException(
          "--trigger=" + trigger + " does not apply to a join: each window's pairs are emitted when the "
              + "watermark passes its end; use default, once or availableNow");
    }
  }

  static <T> PCollection<KV<String, TimestampedValue<T>>> keyed(
      PCollection<TimestampedValue<T>> rows, String step, SerializableFunction<TimestampedValue<T>, String> key) {
    return rows.apply(step, WithKeys.of(key).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), rows.getCoder()));
  }
}
