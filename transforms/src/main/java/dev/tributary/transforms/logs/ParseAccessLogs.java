package dev.tributary.transforms.logs;

import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.common.DeadLetterCoder;
import dev.tributary.transforms.common.NamedOutputs;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Turns raw access-log lines into {@link LogRecord}s. Every line ends up in exactly one of the two outputs:
 * {@link Result#records()} or {@link Result#deadLetters()}, the latter holding the line and the reason. The
 * Beam counters {@value #NAMESPACE}/{@value #PARSED} and {@value #NAMESPACE}/{@value #REJECTED} count
 * them, so parsed plus rejected always equals the lines read.
 *
 * <p>Records keep the timestamp their input element had; assigning event time is a separate step.
 */
public final class ParseAccessLogs extends PTransform<PCollection<String>, ParseAccessLogs.Result> {
  public static final String NAMESPACE = "tributary.logs";
  public static final String PARSED = "parsed_lines";
  public static final String REJECTED = "rejected_lines";

  private static final TupleTag<LogRecord> RECORDS = new TupleTag<>() {};
  private static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};

  public static ParseAccessLogs create() {
    return new ParseAccessLogs();
  }

  private ParseAccessLogs() {}

  @Override
  public Result expand(PCollection<String> lines) {
    PCollectionTuple outputs =
        lines.apply(
            "ParseLines",
            ParDo.of(new ParseFn()).withOutputTags(RECORDS, TupleTagList.of(DEAD_LETTERS)));
    return new Result(
        lines.getPipeline(),
        outputs.get(RECORDS).setCoder(LogRecordCoder.of()),
        outputs.get(DEAD_LETTERS).setCoder(DeadLetterCoder.of()));
  }

  private static final class ParseFn extends DoFn<String, LogRecord> {
    private final Counter parsed = Metrics.counter(NAMESPACE, PARSED);
    private final Counter rejected = Metrics.counter(NAMESPACE, REJECTED);

    @ProcessElement
    public void process(@Element String line, MultiOutputReceiver out) {
      LogRecord record;
      try {
        record = AccessLogParser.parse(line);
      } catch (MalformedLogLineException e) {
        rejected.inc();
        out.get(DEAD_LETTERS).output(new DeadLetter(line, e.getMessage()));
        return;
      }
      parsed.inc();
      out.get(RECORDS).output(record);
    }
  }

  /** The parsed records and the dead letters of {@link ParseAccessLogs}. */
  public static final class Result extends NamedOutputs {
    private final PCollection<LogRecord> records;
    private final PCollection<DeadLetter> deadLetters;

    private Result(
        Pipeline pipeline, PCollection<LogRecord> records, PCollection<DeadLetter> deadLetters) {
      super(pipeline, Map.of(RECORDS, records, DEAD_LETTERS, deadLetters));
      this.records = records;
      this.deadLetters = deadLetters;
    }

    public PCollection<LogRecord> records() {
      return records;
    }

    /** One element per rejected line: the line as read and why it was rejected. */
    public PCollection<DeadLetter> deadLetters() {
      return deadLetters;
    }
  }
}
