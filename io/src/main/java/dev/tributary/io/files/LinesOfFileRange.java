package dev.tributary.io.files;

import dev.tributary.transforms.common.LinesOf;
import java.io.IOException;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.BoundedSource.BoundedReader;
import org.apache.beam.sdk.io.CompressedSource;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileBasedSource;
import org.apache.beam.sdk.io.FileIO.ReadableFile;
import org.apache.beam.sdk.io.TextSource;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.range.OffsetRange;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.ValueProvider.StaticValueProvider;
import org.apache.beam.sdk.values.KV;

/**
 * The lines of one range of {@link FileRanges}, split as TextIO splits them (on {@code \n}, {@code \r\n} or
 * {@code \r}): those that start inside the range, so that the ranges of a file give each line exactly once.
 */
public final class LinesOfFileRange implements LinesOf<KV<ReadableFile, OffsetRange>> {
  private static final long serialVersionUID = 1L;
  private transient PipelineOptions options;

  @Override
  public void forEach(KV<ReadableFile, OffsetRange> range, Consumer<String> each) throws IOException {
    try (BoundedReader<String> reader = source(range.getKey(), range.getValue()).createReader(options())) {
      for (boolean more = reader.start(); more; more = reader.advance()) {
        each.accept(reader.getCurrent());
      }
    }
  }

  private static FileBasedSource<String> source(ReadableFile file, OffsetRange range) {
    if (file.getCompression() == Compression.UNCOMPRESSED) {
      return new TextSource(file.getMetadata(), range.getFrom(), range.getTo(), null);
    }
    // A compressed file is one range; it is read whole, through its decompressor.
    String path = file.getMetadata().resourceId().toString();
    return CompressedSource.from(new TextSource(StaticValueProvider.of(path), EmptyMatchTreatment.DISALLOW, null))
        .withCompression(file.getCompression());
  }

  private PipelineOptions options() {
    if (options == null) {
      options = PipelineOptionsFactory.create();
    }
    return options;
  }
}
