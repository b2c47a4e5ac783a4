package dev.tributary.io.files;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileIO.ReadableFile;
import org.apache.beam.sdk.io.ReadAllViaFileBasedSourceTransform.SplitIntoRangesFn;
import org.apache.beam.sdk.io.ReadableFileCoder;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The files a pattern matches, cut into byte ranges that workers share; failing, as {@code TextIO.read()}
 * does, when nothing matches. A compressed file cannot be cut and stays one range. {@link
 * LinesOfFileRange} reads the lines of a range; {@link ReadFileLines} makes them elements.
 */
public final class FileRanges extends PTransform<PBegin, PCollection<KV<ReadableFile, OffsetRange>>> {
  /**
   * Bytes per range. TextIO's 64 MB gives a 333 MB file 6 ranges, which two workers share unevenly as
   * often as not (4 and 2); 8 MB gives about 40.
   */
  static final long RANGE_BYTES = 8L << 20;

  private final String pattern;
  private final long rangeBytes;

  /** @param pattern a file, a glob, or the same on any Beam file system ({@code s3://...}) */
  public static FileRanges of(String pattern) {
    return new FileRanges(pattern, RANGE_BYTES);
  }

  private FileRanges(String pattern, long rangeBytes) {
    this.pattern = pattern;
    this.rangeBytes = rangeBytes;
  }

  /** Smaller ranges, so that tests can cut small files. */
  FileRanges withRangeBytes(long bytes) {
    return new FileRanges(pattern, bytes);
  }

  @Override
  public PCollection<KV<ReadableFile, OffsetRange>> expand(PBegin begin) {
    return begin
        .apply("MatchFiles", FileIO.match().filepattern(pattern).withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW))
        .apply("OpenFiles", FileIO.readMatches())
        .apply("CutIntoRanges", ParDo.of(new SplitIntoRangesFn(rangeBytes)))
        .setCoder(KvCoder.of(ReadableFileCoder.of(), new OffsetRange.Coder()))
        .apply("SpreadRanges", Reshuffle.viaRandomKey());
  }
}
