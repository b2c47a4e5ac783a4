package dev.tributary.pipelines.words;

import dev.tributary.transforms.common.CounterTotals;
import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.common.DeadLetterCoder;
import dev.tributary.transforms.common.NamedOutputs;
import dev.tributary.transforms.logs.TimeMode;
import java.io.PrintStream;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Instant;

/**
 * Separates each line's {@linkplain LeadingTime leading time} from its text, for the jobs that count per
 * time window. Every line ends up once in {@link Result#texts()} or {@link Result#deadLetters()}, counted in
 * {@value #NAMESPACE}/{@value #ACCEPTED} or {@value #NAMESPACE}/{@value #REJECTED}.
 *
 * <ul>
 *   <li>{@link TimeMode#EVENT} (the default): a line must start with its time; the others are dead letters
 *       with the reason. The text is the rest of the line.
 *   <li>{@link TimeMode#PROCESSING}: every line is kept; a leading time, if there is one, is not part of the
 *       text, so the same file reads alike in both modes.
 * </ul>
 *
 * <p>A streaming source stamps lines itself (with the leading time, or the time it read them), and Beam
 * only lets a step move a timestamp forward, so by default the texts keep their input timestamps. For a
 * one-time read of files, {@link #stampingElements()} gives each text its line's time (EVENT) or the time
 * this step sees it (PROCESSING).
 */
public final class TimedLines extends PTransform<PCollection<String>, TimedLines.Result> {
  public static final String NAMESPACE = "tributary.words";
  public static final String ACCEPTED = "accepted_lines";
  public static final String REJECTED = "rejected_lines";

  private static final TupleTag<String> TEXTS = new TupleTag<>() {};
  private static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  private final TimeMode mode;
  private final boolean stamp;

  public static TimedLines create() {
    return new TimedLines(TimeMode.EVENT, false);
  }

  private TimedLines(TimeMode mode, boolean stamp) {
    this.mode = mode;
    this.stamp = stamp;
  }

  public TimedLines withTimeMode(TimeMode mode) {
    return new TimedLines(mode, stamp);
  }

  /** Give each text its timestamp here (one-time file reads, whose elements have none). */
  public TimedLines stampingElements() {
    return new TimedLines(mode, true);
  }

  @Override
  public Result expand(PCollection<String> lines) {
    PCollectionTuple outputs =
        lines.apply(
            mode == TimeMode.EVENT ? "SplitEventTime" : "DropLeadingTime",
            ParDo.of(new SplitFn(mode, stamp)).withOutputTags(TEXTS, TupleTagList.of(DEAD_LETTERS)));
    return new Result(
        lines.getPipeline(),
        outputs.get(TEXTS).setCoder(StringUtf8Coder.of()),
        outputs.get(DEAD_LETTERS).setCoder(DeadLetterCoder.of()));
  }

  /** Prints {@code <job>: read N lines, R rejected} from the run's counters. */
  public static void printSummary(PipelineResult result, String jobName, PrintStream out) {
    long accepted = CounterTotals.of(result, NAMESPACE, ACCEPTED);
    long rejected = CounterTotals.of(result, NAMESPACE, REJECTED);
    out.printf("%s: read %d lines, %d rejected%n", jobName, accepted + rejected, rejected);
  }

  private static final class SplitFn extends DoFn<String, String> {
    private final TimeMode mode;
    private final boolean stamp;
    private final Counter accepted = Metrics.counter(NAMESPACE, ACCEPTED);
    private final Counter rejected = Metrics.counter(NAMESPACE, REJECTED);

    SplitFn(TimeMode mode, boolean stamp) {
      this.mode = mode;
      this.stamp = stamp;
    }

    @ProcessElement
    public void process(@Element String line, MultiOutputReceiver out) {
      LeadingTime.Split split = LeadingTime.split(line);
      if (mode == TimeMode.EVENT && !split.hasTime()) {
        rejected.inc();
        out.get(DEAD_LETTERS).output(new DeadLetter(line, split.problem()));
        return;
      }
      accepted.inc();
      String text = split.hasTime() ? split.text() : line;
      if (!stamp) {
        out.get(TEXTS).output(text);
      } else {
        out.get(TEXTS).outputWithTimestamp(text, mode == TimeMode.EVENT ? split.time() : Instant.now());
      }
    }
  }

  /** The texts, timestamped as the class comment says, and the lines refused for want of a time. */
  public static final class Result extends NamedOutputs {
    private final PCollection<String> texts;
    private final PCollection<DeadLetter> deadLetters;

    private Result(Pipeline pipeline, PCollection<String> texts, PCollection<DeadLetter> deadLetters) {
      super(pipeline, Map.of(TEXTS, texts, DEAD_LETTERS, deadLetters));
      this.texts = texts;
      this.deadLetters = deadLetters;
    }

    public PCollection<String> texts() {
      return texts;
    }

    /** One element per refused line: the line as read and why. Always empty in PROCESSING mode. */
    public PCollection<DeadLetter> deadLetters() {
      return deadLetters;
    }
  }
}
