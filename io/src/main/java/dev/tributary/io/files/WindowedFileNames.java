package dev.tributary.io.files;

import dev.tributary.transforms.table.ResultTable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Names the file of one firing: {@code <name>-<window start>-<window end>[-<pane index>]<suffix>}, or
 * {@code <name>-global[-<pane index>]<suffix>} for a result over everything seen so far.
 *
 * <p>Times are UTC in compact ISO-8601, {@code 20240601T120000Z}, with {@code .SSS} milliseconds added
 * only when they are not zero; no {@code :}, so the names are valid on every file system. The pane index
 * is left out when the pane is the window's only firing (first and last, as on bounded input), so a batch
 * run gives one plain name per window; a window that fires more than once gets {@code -0}, {@code -1}, ...
 * for every firing, its first included. An only firing can never share a name with a numbered one.
 */
final class WindowedFileNames {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private WindowedFileNames() {}

  /** The file name, without directory and suffix, of the firing that produced {@code table}. */
  static String baseName(String name, ResultTable table) {
    return baseName(name, table.getWindow(), table.getPane());
  }

  static String baseName(String name, @Nullable IntervalWindow window, PaneInfo pane) {
    StringBuilder file = new StringBuilder(name).append('-');
    if (window == null) {
      file.append("global");
    } else {
      file.append(compact(window.start())).append('-').append(compact(window.end()));
    }
    if (!(pane.isFirst() && pane.isLast())) {
      file.append('-').append(pane.getIndex());
    }
    return file.toString();
  }

  static String compact(Instant time) {
    java.time.Instant instant = java.time.Instant.ofEpochMilli(time.getMillis());
    return (time.getMillis() % 1000 == 0 ? SECONDS : MILLIS).format(instant);
  }

  /** Keys each table by its file's base name: FileIO writes each distinct key to its own file. */
  static final class OfTable implements SerializableFunction<ResultTable, String> {
    private static final long serialVersionUID = 1L;
    private final String name;

    OfTable(String name) {
      this.name = name;
    }

    @Override
    public String apply(ResultTable table) {
      return baseName(name, table);
    }
  }

  /**
   * Turns a base name into the final file name. It ignores the window and pane that FileIO passes in:
   * those are the write step's own, not the firing's, which the base name already holds.
   */
  static final class Naming implements FileIO.Write.FileNaming {
    private static final long serialVersionUID = 1L;
    private final String baseName;
    private final String suffix;

    Naming(String baseName, String suffix) {
      this.baseName = baseName;
      this.suffix = suffix;
    }

    @Override
    public String getFilename(
        BoundedWindow window, PaneInfo pane, int numShards, int shardIndex, Compression compression) {
      if (numShards != 1) {
        // Every firing is exactly one file; several shards would need names this scheme does not have.
        throw new IllegalStateException("expected one shard per file, got " + numShards);
      }
      return baseName + suffix;
    }
  }
}
