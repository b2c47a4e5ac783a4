package dev.tributary.io.files;

import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileBasedSource;
import org.apache.beam.sdk.io.ReadAllViaFileBasedSource;
import org.apache.beam.sdk.io.TextSource;
import org.apache.beam.sdk.options.ValueProvider.StaticValueProvider;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads every line of the files a pattern matches, once: what {@code TextIO.read()} does, failing as it
 * does when nothing matches, but read by ordinary DoFns (match, open, read ranges) instead of through a
 * runner's source wrapper. Beam's Flink runner refreshes all its metrics after every record a source
 * reader returns; on the log job that was a quarter of the CPU time. Reading inside DoFns avoids it, and
 * the files are still split into ranges that workers share.
 */
public final class ReadFileLines extends PTransform<PBegin, PCollection<String>> {
  /**
   * Bytes per range read as one unit. TextIO's 64 MB gives a 333 MB file 6 ranges, which two workers share
   * unevenly as often as not (4 and 2), and makes each range one Direct-runner bundle of some 400 000
   * lines, all kept for its checks; 8 MB gives about 40 ranges.
   */
  static final long RANGE_BYTES = 8L << 20;

  private final String pattern;

  /** @param pattern a file, a glob, or the same on any Beam file system ({@code s3://...}) */
  public static ReadFileLines from(String pattern) {
    return new ReadFileLines(pattern);
  }

  private ReadFileLines(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public PCollection<String> expand(PBegin begin) {
    return begin
        .apply("MatchFiles", FileIO.match().filepattern(pattern).withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW))
        .apply("OpenFiles", FileIO.readMatches())
        .apply("ReadRanges", new ReadAllViaFileBasedSource<>(RANGE_BYTES, new LinesOfFile(), StringUtf8Coder.of()));
  }

  /** A text source over one file, splitting lines on any of {@code \n}, {@code \r\n}, {@code \r} as TextIO does. */
  private static final class LinesOfFile implements SerializableFunction<String, FileBasedSource<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public FileBasedSource<String> apply(String file) {
      return new TextSource(StaticValueProvider.of(file), EmptyMatchTreatment.DISALLOW, null);
    }
  }
}
