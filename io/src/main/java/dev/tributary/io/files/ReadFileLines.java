package dev.tributary.io.files;

import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads every line of the files a pattern matches, once: what {@code TextIO.read()} does, failing as it
 * does when nothing matches, but read by ordinary DoFns (match, open, read ranges) instead of through a
 * runner's source wrapper. Beam's Flink runner refreshes all its metrics after every record a source
 * reader returns; on the log job that was a quarter of the CPU time. Reading inside a DoFn avoids it and
 * splits the files into ranges all the same.
 */
public final class ReadFileLines extends PTransform<PBegin, PCollection<String>> {
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
        .apply("ReadLines", TextIO.readFiles());
  }
}
