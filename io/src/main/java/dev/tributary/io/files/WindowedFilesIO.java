package dev.tributary.io.files;

import dev.tributary.io.json.ResultTableJson;
import dev.tributary.transforms.table.ResultTable;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Writes one text file per window and firing, like Spark Streaming's {@code saveAsTextFiles(prefix,
 * suffix)} writes one per batch.
 *
 * <pre>{@code
 * topTables.apply("SaveTopEndpoints",
 *     WindowedFilesIO.write().to("out/top_endpoints").withSuffix(".txt"));
 * // out/top_endpoints-20240601T120000Z-20240601T120030Z.txt     (bounded input: the window's only firing)
 * // out/top_endpoints-20240601T120000Z-20240601T120030Z-0.txt   (unbounded: early pane 0, then -1, -2, ...)
 * // out/status_counts-global.txt                                (a result since the start, no window)
 * }</pre>
 *
 * <p>See {@link WindowedFileNames} for the naming rules. Each file holds the lines that {@link
 * Write#withFormatter} makes of one {@link ResultTable} (default: {@link ResultTableJson}, one JSON
 * object per row).
 *
 * <h3>Why it takes result tables, not strings</h3>
 *
 * <p>A file stands for one firing, and one {@link ResultTable} is exactly one firing: the window and pane
 * index it records are those of the aggregation that produced it, the same numbers the console and the
 * JSON Lines output show. A stream of strings has no such boundary: the write step's own grouping would
 * decide the panes, it may fire several times for one upstream firing (runners that trigger per element),
 * and it inherits the upstream accumulation mode, so a later file would repeat the lines of earlier ones.
 *
 * <h3>Safe on unbounded input</h3>
 *
 * <p>The tables are re-windowed into the global window with a trigger that fires for every arrival, so
 * nothing is held back or dropped as late by the write itself; the file name comes from the table, not
 * from that re-windowing. Beam's {@link FileIO} windowed write then writes each file under a temporary
 * name and renames it once complete, so a reader never sees a half-written file. The temporary files go
 * to a hidden {@code .temp-beam-*} directory next to the output (or {@link Write#withTempDirectory}),
 * which Beam leaves behind, empty, after windowed writes.
 *
 * <p>Write each query to its own prefix: two tables with the same window and pane under one prefix would
 * claim the same file.
 */
public final class WindowedFilesIO {
  private WindowedFilesIO() {}

  public static Write write() {
    return new Write(null, "", ResultTableJson::toJsonLines, null);
  }

  /** Writes each {@link ResultTable} to its own file. */
  public static final class Write extends PTransform<PCollection<ResultTable>, PDone> {
    private final @Nullable String prefix;
    private final String suffix;
    private final SerializableFunction<ResultTable, List<String>> formatter;
    private final @Nullable String tempDirectory;

    private Write(
        @Nullable String prefix,
        String suffix,
        SerializableFunction<ResultTable, List<String>> formatter,
        @Nullable String tempDirectory) {
      this.prefix = prefix;
      this.suffix = suffix;
      this.formatter = formatter;
      this.tempDirectory = tempDirectory;
    }

    /**
     * Directory and start of every file name, e.g. {@code out/run1/top_endpoints}; any Beam file system
     * works. It must end in a name, not in {@code /}.
     */
    public Write to(String prefix) {
      Objects.requireNonNull(prefix, "prefix");
      if (prefix.isEmpty() || prefix.endsWith("/") || prefix.endsWith("\\")) {
        throw new IllegalArgumentException(
            "prefix must end in a file name, e.g. out/top_endpoints, got '" + prefix + "'");
      }
      return new Write(prefix, suffix, formatter, tempDirectory);
    }

    /** Appended to every file name, e.g. {@code .txt} (default: nothing, as in Spark). */
    public Write withSuffix(String suffix) {
      Objects.requireNonNull(suffix, "suffix");
      if (suffix.contains("/") || suffix.contains("\\")) {
        throw new IllegalArgumentException("suffix must not contain a path separator, got '" + suffix + "'");
      }
      return new Write(prefix, suffix, formatter, tempDirectory);
    }

    /**
     * The lines of a table's file, in order; each is written followed by {@code \n}, so a line must not
     * contain line breaks. Default: {@link ResultTableJson#toJsonLines}.
     */
    public Write withFormatter(SerializableFunction<ResultTable, List<String>> formatter) {
      return new Write(prefix, suffix, Objects.requireNonNull(formatter, "formatter"), tempDirectory);
    }

    /** Where files are written before being renamed into place (default: the output directory). */
    public Write withTempDirectory(String tempDirectory) {
      return new Write(prefix, suffix, formatter, Objects.requireNonNull(tempDirectory, "tempDirectory"));
    }

    @Override
    public PDone expand(PCollection<ResultTable> tables) {
      if (prefix == null) {
        throw new IllegalArgumentException("WindowedFilesIO.write() needs .to(prefix)");
      }
      ResourceId prefixId = FileSystems.matchNewResource(prefix, false);
      String directory = prefixId.getCurrentDirectory().toString();
      String name = prefixId.getFilename();
      tables
          .apply(
              "EveryFiringAsItComes",
              Window.<ResultTable>into(new GlobalWindows())
                  .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
                  .withAllowedLateness(Duration.ZERO)
                  .discardingFiredPanes())
          .apply(
              "WriteFilePerFiring",
              FileIO.<String, ResultTable>writeDynamic()
                  .by(new WindowedFileNames.OfTable(name))
                  .withDestinationCoder(StringUtf8Coder.of())
                  .via(new WindowedFileSink(formatter))
                  .to(directory)
                  .withNaming(new NamingFor(suffix))
                  .withTempDirectory(tempDirectory == null ? directory : tempDirectory)
                  .withNumShards(1));
      return PDone.in(tables.getPipeline());
    }
  }

  private static final class NamingFor implements SerializableFunction<String, FileIO.Write.FileNaming> {
    private static final long serialVersionUID = 1L;
    private final String suffix;

    NamingFor(String suffix) {
      this.suffix = suffix;
    }

    @Override
    public FileIO.Write.FileNaming apply(String baseName) {
      return new WindowedFileNames.Naming(baseName, suffix);
    }
  }
}
