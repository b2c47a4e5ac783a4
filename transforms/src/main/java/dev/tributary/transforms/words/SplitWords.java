package dev.tributary.transforms.words;

import java.util.Locale;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Splits lines into words: a word is a maximal run of non-whitespace characters ({@link
 * Character#isWhitespace}: spaces, tabs, line breaks and the other Unicode separators Java counts as
 * whitespace). Empty words are dropped, so runs of spaces, leading or trailing spaces and blank lines yield
 * nothing. This is the seeds' {@code flatMap(_.split(" "))} without its empty strings.
 *
 * <p>Case and punctuation are kept as written by default: {@code Spark}, {@code spark} and {@code spark,}
 * are three words, as in Spark's word counts. {@link #withLowerCase()} lower-cases each word ({@link
 * Locale#ROOT} rules, so the result does not depend on the machine's locale).
 */
public final class SplitWords extends PTransform<PCollection<String>, PCollection<String>> {
  private final boolean lowerCase;

  public static SplitWords create() {
    return new SplitWords(false);
  }

  private SplitWords(boolean lowerCase) {
    this.lowerCase = lowerCase;
  }

  /** Lower-case every word, so that {@code Spark} and {@code spark} count as one. */
  public SplitWords withLowerCase() {
    return new SplitWords(true);
  }

  @Override
  public PCollection<String> expand(PCollection<String> lines) {
    return lines.apply("SplitOnWhitespace", ParDo.of(new SplitFn(lowerCase))).setCoder(StringUtf8Coder.of());
  }

  private static final class SplitFn extends DoFn<String, String> {
    private final boolean lowerCase;

    SplitFn(boolean lowerCase) {
      this.lowerCase = lowerCase;
    }

    @ProcessElement
    public void process(@Element String line, OutputReceiver<String> out) {
      int i = 0;
      int n = line.length();
      while (i < n) {
        while (i < n && Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        int start = i;
        while (i < n && !Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        if (i > start) {
          String word = line.substring(start, i);
          out.output(lowerCase ? word.toLowerCase(Locale.ROOT) : word);
        }
      }
    }
  }
}
