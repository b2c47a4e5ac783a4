package dev.tributary.pipelines.words;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code word,count} rows a streaming job wrote with {@code --output}: one file per flush, named
 * {@code <prefix>-<result>-<run>-<flush>.jsonl}, each row carrying the pane (firing) it came from.
 */
public record StreamedRows(List<StreamedRows.Row> rows) {
  private static final Pattern ROW =
      Pattern.compile("^\\{\"word\":\"([^\"]*)\",\"count\":(\\d+),\"pane\":(\\d+),");

  /** A word's count at one firing. */
  public record Row(String word, long count, int pane) {}

  /** Every row in the files of {@code dir} whose names start with {@code prefix}. */
  public static StreamedRows read(Path dir, String prefix) throws IOException {
    List<Row> rows = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return new StreamedRows(rows);
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          Matcher m = ROW.matcher(line);
          if (!m.find()) {
            throw new AssertionError("not a word row: " + line);
          }
          rows.add(new Row(m.group(1), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3))));
        }
      }
    }
    return new StreamedRows(rows);
  }

  /** Waits up to 60 s until the files hold {@code word} with {@code count}. */
  public static void await(Path dir, String prefix, String word, long count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (read(dir, prefix).rows().stream().anyMatch(r -> r.word().equals(word) && r.count() == count)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no row " + word + "=" + count + " in " + dir + "/" + prefix + "* within 60 s");
  }

  /** Each word's count in the latest firing that carried it: the result once the stream is done. */
  public Map<String, Long> finalCounts() {
    Map<String, Row> last = new TreeMap<>();
    for (Row r : rows) {
      last.merge(r.word(), r, (a, b) -> b.pane() > a.pane() ? b : a);
    }
    return last.values().stream().collect(Collectors.toMap(Row::word, Row::count, (a, b) -> a, TreeMap::new));
  }

  /** The counts {@code word} was shown with, firing after firing. */
  public List<Long> history(String word) {
    return rows.stream()
        .filter(r -> r.word().equals(word))
        .sorted(Comparator.comparingInt(Row::pane))
        .map(Row::count)
        .collect(Collectors.toList());
  }
}
