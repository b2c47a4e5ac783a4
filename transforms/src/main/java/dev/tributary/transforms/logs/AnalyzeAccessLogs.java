package dev.tributary.transforms.logs;

import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.common.DeadLetterCoder;
import dev.tributary.transforms.common.LinesOf;
import dev.tributary.transforms.common.NamedOutputs;
import dev.tributary.transforms.common.PackedCounts;
import dev.tributary.transforms.common.PackedCountsCoder;
import dev.tributary.transforms.common.RankPackedCountsFn;
import dev.tributary.transforms.common.WindowFromKey;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * The log job's analysis of raw access-log lines in one composite: the running count per HTTP status, the
 * top endpoints per sliding window, and a dead letter per line that does not parse. Its results are those
 * of {@link ParseAccessLogs}, {@link TimestampLogRecords}, then {@link CountByStatus} and {@link
 * TopEndpoints}, configured alike (the tests compare them), with the same Beam counters.
 *
 * <p>Why it exists: chained, those transforms hand every line on as a record, a timestamped record, an
 * endpoint and a windowed endpoint. Each hand-over costs a runner per element: the Direct runner encodes
 * every element several times to check it, Flink copies or serializes at every fan-out. Here one step
 * parses each line and counts it at once, per window and per bundle, so only the bundles' count tables go
 * on to the shuffle.
 */
public final class AnalyzeAccessLogs<I> extends PTransform<PCollection<I>, AnalyzeAccessLogs.Result> {
  private static final TupleTag<Map<Integer, Long>> STATUS_TABLES = new TupleTag<>() {};
  private static final TupleTag<KV<IntervalWindow, PackedCounts>> ENDPOINT_TABLES = new TupleTag<>() {};
  private static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};
  private static final TupleTag<Map<Integer, Long>> STATUS_COUNTS = new TupleTag<>() {};
  private static final TupleTag<List<KV<String, Long>>> TOP_ENDPOINTS = new TupleTag<>() {};

  /** Null: keep the timestamps the lines came with (a source that stamps time itself). */
  private final @Nullable TimeMode timeMode;

  private final CountByStatus statusCounts;
  private final TopEndpoints topEndpoints;
  private final LinesOf<I> linesOf;

  /** Request time as event time; {@link CountByStatus} and {@link TopEndpoints} with their defaults. */
  public static AnalyzeAccessLogs<String> create() {
    return new AnalyzeAccessLogs<>(TimeMode.EVENT, CountByStatus.create(), TopEndpoints.create(), LinesOf.itself());
  }

  private AnalyzeAccessLogs(
      @Nullable TimeMode timeMode, CountByStatus statusCounts, TopEndpoints topEndpoints, LinesOf<I> linesOf) {
    this.timeMode = timeMode;
    this.statusCounts = statusCounts;
    this.topEndpoints = topEndpoints;
    this.linesOf = linesOf;
  }

  /**
   * Takes elements that each stand for some lines (a file range, say) and reads them inside the analysis,
   * so that the lines never become elements. Each line gets its element's timestamp.
   */
  public <J> AnalyzeAccessLogs<J> withLinesOf(LinesOf<J> lines) {
    return new AnalyzeAccessLogs<>(timeMode, statusCounts, topEndpoints, lines);
  }

  /** Places each request in time as {@link TimestampLogRecords#withTimeMode} would. */
  public AnalyzeAccessLogs<I> withTimeMode(TimeMode mode) {
    return new AnalyzeAccessLogs<>(mode, statusCounts, topEndpoints, linesOf);
  }

  /** Keeps the timestamp each line already has, for a source that stamps event time as it reads. */
  public AnalyzeAccessLogs<I> withInputTimestamps() {
    return new AnalyzeAccessLogs<>(null, statusCounts, topEndpoints, linesOf);
  }

  /** How the status table fires (e.g. {@link CountByStatus#withUpdateEvery}). */
  public AnalyzeAccessLogs<I> withStatusCounts(CountByStatus counts) {
    return new AnalyzeAccessLogs<>(timeMode, counts, topEndpoints, linesOf);
  }

  /** Which endpoints are ranked, over which windows, and how they fire. */
  public AnalyzeAccessLogs<I> withTopEndpoints(TopEndpoints top) {
    return new AnalyzeAccessLogs<>(timeMode, statusCounts, top, linesOf);
  }

  @Override
  public Result expand(PCollection<I> lines) {
    if (!(lines.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
      throw new IllegalArgumentException(
          "AnalyzeAccessLogs reads lines in the global window and assigns its own sliding windows;"
              + " got lines in " + lines.getWindowingStrategy().getWindowFn());
    }
    PCollectionTuple counted =
        lines.apply(
            "ParseAndCountWithinBundles",
            ParDo.of(
                    new ParseAndCountFn<I>(
                        linesOf, timeMode, topEndpoints.windows(), STATUS_TABLES, ENDPOINT_TABLES, DEAD_LETTERS))
                .withOutputTags(STATUS_TABLES, TupleTagList.of(ENDPOINT_TABLES).and(DEAD_LETTERS)));

    PCollection<Map<Integer, Long>> statuses =
        counted
            .get(STATUS_TABLES)
            .setCoder(MapCoder.of(VarIntCoder.of(), VarLongCoder.of()))
            .apply("AddUpStatusesSinceStart", statusCounts.addUpSinceStart());
    // Grouped rather than combined, so that the packed tables pass the shuffle as bytes. Under a few keys:
    // enough for workers to rank windows in parallel, few because the Direct runner fires each key's
    // windows in bundles of their own.
    PCollection<List<KV<String, Long>>> top =
        counted
            .get(ENDPOINT_TABLES)
            .setCoder(KvCoder.of(IntervalWindow.getCoder(), PackedCountsCoder.of()))
            .apply("IntoTheirWindows", topEndpoints.windowedBy(WindowFromKey.<PackedCounts>create()))
            .apply("UnderFewKeys", MapElements.via(new UnderFewKeys(topEndpoints.windows().getPeriod())))
            .setCoder(KvCoder.of(VarIntCoder.of(), PackedCountsCoder.of()))
            .apply("GroupPerWindow", GroupByKey.create())
            .apply("RankEndpoints", ParDo.of(RankPackedCountsFn.<Integer>top(topEndpoints.topN())))
            .setCoder(ListCoder.of(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())));
    PCollection<DeadLetter> deadLetters = counted.get(DEAD_LETTERS).setCoder(DeadLetterCoder.of());
    return new Result(lines.getPipeline(), statuses, top, deadLetters);
  }

  /**
   * Replaces the window key, once the table is in that window, by one of {@value #RANK_KEYS} keys, taken
   * from the window's position so that consecutive windows go to different keys.
   */
  private static final class UnderFewKeys
      extends SimpleFunction<KV<IntervalWindow, PackedCounts>, KV<Integer, PackedCounts>> {
    private static final int RANK_KEYS = 4;
    private final long slideMillis;

    UnderFewKeys(Duration slide) {
      this.slideMillis = slide.getMillis();
    }

    @Override
    public KV<Integer, PackedCounts> apply(KV<IntervalWindow, PackedCounts> table) {
      long position = Math.floorDiv(table.getKey().start().getMillis(), slideMillis);
      return KV.of((int) Math.floorMod(position, (long) RANK_KEYS), table.getValue());
    }
  }

  /** The status table, the endpoint rankings and the dead letters of {@link AnalyzeAccessLogs}. */
  public static final class Result extends NamedOutputs {
    private final PCollection<Map<Integer, Long>> statusCounts;
    private final PCollection<List<KV<String, Long>>> topEndpoints;
    private final PCollection<DeadLetter> deadLetters;

    private Result(
        Pipeline pipeline,
        PCollection<Map<Integer, Long>> statusCounts,
        PCollection<List<KV<String, Long>>> topEndpoints,
        PCollection<DeadLetter> deadLetters) {
      super(pipeline, Map.of(STATUS_COUNTS, statusCounts, TOP_ENDPOINTS, topEndpoints, DEAD_LETTERS, deadLetters));
      this.statusCounts = statusCounts;
      this.topEndpoints = topEndpoints;
      this.deadLetters = deadLetters;
    }

    /** As {@link CountByStatus}'s output: the whole table at each firing. */
    public PCollection<Map<Integer, Long>> statusCounts() {
      return statusCounts;
    }

    /** As {@link TopEndpoints}'s output: one ranking per window firing. */
    public PCollection<List<KV<String, Long>>> topEndpoints() {
      return topEndpoints;
    }

    /** As {@link ParseAccessLogs.Result#deadLetters()}: the line and why it was rejected. */
    public PCollection<DeadLetter> deadLetters() {
      return deadLetters;
    }
  }
}
