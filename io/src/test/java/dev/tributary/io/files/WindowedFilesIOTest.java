package dev.tributary.io.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.transforms.common.CountsByKeyFn;
import dev.tributary.transforms.table.ResultTable;
import dev.tributary.transforms.table.ToResultTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File names and contents of {@link WindowedFilesIO}, on bounded input and on scripted panes. */
class WindowedFilesIOTest {
  private static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");
  private static final Schema COUNTS = Schema.builder().addStringField("key").addInt64Field("count").build();

  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @TempDir Path dir;

  @Test
  void boundedInputWritesOneFilePerWindowWithoutPaneIndex() throws IOException {
    PCollection<String> keys =
        p.apply(Create.timestamped(at("a", 1), at("b", 2), at("a", 9), at("a", 12)));

    countPerWindow(keys.apply(Window.into(FixedWindows.of(Duration.standardSeconds(10)))))
        .apply(WindowedFilesIO.write().to(dir.resolve("counts").toString()).withSuffix(".txt")
            .withFormatter(WindowedFilesIOTest::csvWithTiming));
    p.run().waitUntilFinish();

    assertEquals(
        Map.of(
            "counts-20240601T120000Z-20240601T120010Z.txt", "a,2,ON_TIME\nb,1,ON_TIME\n",
            "counts-20240601T120010Z-20240601T120020Z.txt", "a,1,ON_TIME\n"),
        outputFiles());
  }

  @Test
  void resultSinceStartIsNamedGlobal() throws IOException {
    PCollection<String> keys = p.apply(Create.of("x", "y", "x"));

    countPerWindow(keys)
        .apply(WindowedFilesIO.write().to(dir.resolve("status").toString()).withSuffix(".jsonl"));
    p.run().waitUntilFinish();

    assertEquals(
        Map.of(
            "status-global.jsonl",
            "{\"key\":\"x\",\"count\":2,\"pane\":0,\"timing\":\"on_time\"}\n"
                + "{\"key\":\"y\",\"count\":1,\"pane\":0,\"timing\":\"on_time\"}\n"),
        outputFiles());
  }

  @Test
  void everyEarlyOnTimeAndLateFiringGetsItsOwnNumberedFile() throws IOException {
    TestStream<String> keys =
        TestStream.create(StringUtf8Coder.of())
            .advanceWatermarkTo(T0)
            .addElements(at("a", 1), at("b", 2))
            .advanceProcessingTime(Duration.standardSeconds(6))          // early pane 0
            .addElements(at("a", 3), at("a", 15))
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(25)))  // on time: [0,10) pane 1, [10,20) pane 0
            .addElements(at("b", 4))                                     // late for [0,10): pane 2
            .advanceWatermarkTo(T0.plus(Duration.standardSeconds(40)))
            .addElements(at("b", 5))                                     // late again: pane 3
            .advanceWatermarkToInfinity();

    PCollection<String> windowed =
        p.apply(keys)
            .apply(
                Window.<String>into(FixedWindows.of(Duration.standardSeconds(10)))
                    .triggering(
                        AfterWatermark.pastEndOfWindow()
                            .withEarlyFirings(
                                AfterProcessingTime.pastFirstElementInPane()
                                    .plusDelayOf(Duration.standardSeconds(5)))
                            .withLateFirings(AfterPane.elementCountAtLeast(1)))
                    .withAllowedLateness(Duration.standardMinutes(1))
                    .accumulatingFiredPanes());
    countPerWindow(windowed)
        .apply(WindowedFilesIO.write().to(dir.resolve("counts").toString()).withSuffix(".txt")
            .withFormatter(WindowedFilesIOTest::csvWithTiming));
    p.run().waitUntilFinish();

    // Accumulating panes: each file holds the whole window as of that firing, never a repeat of an
    // earlier file's firing. The window that fired once, when the watermark passed, is still numbered:
    // it could not know it would be its only firing (allowed lateness was open).
    assertEquals(
        Map.of(
            "counts-20240601T120000Z-20240601T120010Z-0.txt", "a,1,EARLY\nb,1,EARLY\n",
            "counts-20240601T120000Z-20240601T120010Z-1.txt", "a,2,ON_TIME\nb,1,ON_TIME\n",
            "counts-20240601T120000Z-20240601T120010Z-2.txt", "a,2,LATE\nb,2,LATE\n",
            "counts-20240601T120000Z-20240601T120010Z-3.txt", "a,2,LATE\nb,3,LATE\n",
            "counts-20240601T120010Z-20240601T120020Z-0.txt", "a,1,ON_TIME\n"),
        outputFiles());
  }

  @Test
  void emptyFiringStillGetsAFileAndNamesHaveNoColons() throws IOException {
    PCollection<String> keys = p.apply(Create.timestamped(List.of(at("a", 1))));

    countPerWindow(keys.apply(Window.into(FixedWindows.of(Duration.millis(1500)))))
        .apply(WindowedFilesIO.write().to(dir.resolve("out").resolve("empty").toString())
            .withFormatter(table -> List.of()));
    p.run().waitUntilFinish();

    Path outDir = dir.resolve("out");
    assertEquals(Map.of("empty-20240601T120000Z-20240601T120001.500Z", ""), filesIn(outDir));
  }

  @Test
  void rejectsPrefixWithoutNameAndMissingPrefix() {
    assertThrows(IllegalArgumentException.class, () -> WindowedFilesIO.write().to("out/"));
    assertThrows(IllegalArgumentException.class, () -> WindowedFilesIO.write().withSuffix("a/b"));
    PCollection<ResultTable> none = countPerWindow(p.apply(Create.empty(StringUtf8Coder.of())));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> none.apply(WindowedFilesIO.write()));
    assertTrue(e.getMessage().contains(".to(prefix)"), e.getMessage());
  }

  private static PCollection<ResultTable> countPerWindow(PCollection<String> keys) {
    return keys.apply(Combine.globally(CountsByKeyFn.<String>create()).withoutDefaults())
        .apply(ToResultTable.of("counts", COUNTS, WindowedFilesIOTest::rows));
  }

  private static List<Row> rows(Map<String, Long> counts) {
    List<Row> rows = new ArrayList<>();
    new TreeMap<>(counts).forEach((k, v) -> rows.add(Row.withSchema(COUNTS).addValues(k, v).build()));
    return rows;
  }

  private static List<String> csvWithTiming(ResultTable table) {
    String timing = table.getPane().getTiming().name().toUpperCase(Locale.ROOT);
    return table.getRows().stream()
        .map(r -> r.getString("key") + "," + r.getInt64("count") + "," + timing)
        .collect(Collectors.toList());
  }

  private static TimestampedValue<String> at(String key, int secondsAfterT0) {
    return TimestampedValue.of(key, T0.plus(Duration.standardSeconds(secondsAfterT0)));
  }

  private Map<String, String> outputFiles() throws IOException {
    return filesIn(dir);
  }

  /** Visible regular files and their contents; also checks no temporary file was left anywhere. */
  private static Map<String, String> filesIn(Path directory) throws IOException {
    try (Stream<Path> all = Files.walk(directory)) {
      List<Path> leftovers =
          all.filter(Files::isRegularFile)
              .filter(f -> !f.getParent().equals(directory))
              .collect(Collectors.toList());
      assertEquals(List.of(), leftovers, "temporary files left behind");
    }
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> listed = Files.list(directory)) {
      for (Path f : listed.filter(Files::isRegularFile).collect(Collectors.toList())) {
        files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
