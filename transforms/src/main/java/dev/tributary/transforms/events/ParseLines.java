package dev.tributary.transforms.events;

import dev.tributary.transforms.common.DeadLetter;
import dev.tributary.transforms.common.DeadLetterCoder;
import dev.tributary.transforms.common.NamedOutputs;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
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
 * Turns lines of text into records with a {@link LineParser}. Every line ends up in exactly one place:
 * {@link Result#records()}, {@link Result#deadLetters()} (the line and the reason), or, for the lines the
 * parser marks as no record (a CSV header), nowhere. Three Beam counters in the chosen namespace count them:
 * {@value #PARSED}, {@value #REJECTED} and {@value #SKIPPED}; their sum is the number of lines read.
 *
 * <p>Records keep the timestamp their line had; assigning event time is a separate step (for example {@code
 * WithTimestamps.of(ActivityEvent::getTime)}). The format-specific instances come from {@link
 * ParseEventLines} and {@code joins.ParseJoinRows}.
 */
public final class ParseLines<T> extends PTransform<PCollection<String>, ParseLines.Result<T>> {
  public static final String PARSED = "parsed_lines";
  public static final String REJECTED = "rejected_lines";
  public static final String SKIPPED = "skipped_lines";

  private final LineParser<T> parser;
  private final Coder<T> coder;
  private final String namespace;

  /** Parses with {@code parser}, encodes records with {@code coder}, counts in {@code tributary.lines}. */
  public static <T> ParseLines<T> of(LineParser<T> parser, Coder<T> coder) {
    return new ParseLines<>(parser, coder, "tributary.lines");
  }

  private ParseLines(LineParser<T> parser, Coder<T> coder, String namespace) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.coder = Objects.requireNonNull(coder, "coder");
    this.namespace = namespace;
  }

  /** The namespace of the three counters, e.g. {@code tributary.events.activity}. */
  public ParseLines<T> withMetricsNamespace(String namespace) {
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("metrics namespace must not be blank");
    }
    return new ParseLines<>(parser, coder, namespace);
  }

  public String getMetricsNamespace() {
    return namespace;
  }

  @Override
  public Result<T> expand(PCollection<String> lines) {
    TupleTag<T> recordsTag = new TupleTag<>("records");
    TupleTag<DeadLetter> deadLettersTag = new TupleTag<>("deadLetters");
    PCollectionTuple outputs =
        lines.apply(
            "ParseLines",
            ParDo.of(new ParseFn<>(parser, namespace, recordsTag, deadLettersTag))
                .withOutputTags(recordsTag, TupleTagList.of(deadLettersTag)));
    return new Result<>(
        lines.getPipeline(),
        recordsTag,
        outputs.get(recordsTag).setCoder(coder),
        deadLettersTag,
        outputs.get(deadLettersTag).setCoder(DeadLetterCoder.of()));
  }

  private static final class ParseFn<T> extends DoFn<String, T> {
    private final LineParser<T> parser;
    private final TupleTag<T> recordsTag;
    private final TupleTag<DeadLetter> deadLettersTag;
    private final Counter parsed;
    private final Counter rejected;
    private final Counter skipped;

    ParseFn(
        LineParser<T> parser,
        String namespace,
        TupleTag<T> recordsTag,
        TupleTag<DeadLetter> deadLettersTag) {
      this.parser = parser;
      this.recordsTag = recordsTag;
      this.deadLettersTag = deadLettersTag;
      this.parsed = Metrics.counter(namespace, PARSED);
      this.rejected = Metrics.counter(namespace, REJECTED);
      this.skipped = Metrics.counter(namespace, SKIPPED);
    }

    @ProcessElement
    public void process(@Element String line, MultiOutputReceiver out) {
      T record;
      try {
        record = parser.parse(line);
      } catch (MalformedLineException e) {
        rejected.inc();
        out.get(deadLettersTag).output(new DeadLetter(line, e.getMessage()));
        return;
      }
      if (record == null) {
        skipped.inc();
      } else {
        parsed.inc();
        out.get(recordsTag).output(record);
      }
    }
  }

  /** The parsed records and the dead letters of {@link ParseLines}. */
  public static final class Result<T> extends NamedOutputs {
    private final PCollection<T> records;
    private final PCollection<DeadLetter> deadLetters;

    private Result(
        Pipeline pipeline,
        TupleTag<T> recordsTag,
        PCollection<T> records,
        TupleTag<DeadLetter> deadLettersTag,
        PCollection<DeadLetter> deadLetters) {
      super(pipeline, Map.of(recordsTag, records, deadLettersTag, deadLetters));
      this.records = records;
      this.deadLetters = deadLetters;
    }

    public PCollection<T> records() {
      return records;
    }

    /** One element per rejected line: the line as read and why it was rejected. */
    public PCollection<DeadLetter> deadLetters() {
      return deadLetters;
    }
  }
}
