package dev.tributary.io.json;

import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.joda.time.Duration;

/**
 * Writes JSON objects, one per line, to files named after a prefix.
 *
 * <p>Bounded input goes to the single file {@code <prefix>.jsonl}. Unbounded input is flushed every {@link
 * Write#withFlushEvery} interval of processing time into a new file per flush, named {@code
 * <prefix>-<run start>-<flush number>.jsonl} (see {@link FlushFilenamePolicy}). Beam writes each file
 * under a temporary name first, so a file is complete once it appears and a downstream tool can pick files
 * up as they come.
 */
public final class JsonLinesIO {
  private JsonLinesIO() {}

  public static Write write() {
    return new Write(null, Duration.standardSeconds(10));
  }

  /** Writes each input string, which must be one JSON object, as one line. */
  public static final class Write extends PTransform<PCollection<String>, PDone> {
    private final String prefix;
    private final Duration flushEvery;

    private Write(String prefix, Duration flushEvery) {
      this.prefix = prefix;
      this.flushEvery = flushEvery;
    }

    /** Path prefix of the files, e.g. {@code out/run1-top_endpoints}; any Beam file system works. */
    public Write to(String prefix) {
      return new Write(prefix, flushEvery);
    }

    /** For unbounded input, how often to write out what has arrived (default 10 s). */
    public Write withFlushEvery(Duration flushEvery) {
      return new Write(prefix, flushEvery);
    }

    @Override
    public PDone expand(PCollection<String> json) {
      if (prefix == null) {
        throw new IllegalArgumentException("JsonLinesIO.write() needs .to(prefix)");
      }
      if (json.isBounded() == PCollection.IsBounded.BOUNDED) {
        return json.apply("AllRows", Window.into(new GlobalWindows()))
            .apply("WriteFile", TextIO.write().to(prefix).withSuffix(".jsonl").withoutSharding());
      }
      return json.apply(
              "FlushPeriodically",
              Window.<String>into(new GlobalWindows())
                  .triggering(
                      Repeatedly.forever(
                          AfterProcessingTime.pastFirstElementInPane().plusDelayOf(flushEvery)))
                  .withAllowedLateness(Duration.ZERO)
                  .discardingFiredPanes())
          .apply("WriteFiles", windowedWrite());
    }

    private TextIO.Write windowedWrite() {
      FlushFilenamePolicy names = new FlushFilenamePolicy(prefix, java.time.Instant.now(), ".jsonl");
      return TextIO.write()
          .to(names)
          .withTempDirectory(names.directory())
          .withWindowedWrites()
          .withNumShards(1);
    }
  }
}
