package dev.tributary.pipelines.generate;

import dev.tributary.transforms.common.Durations;
import dev.tributary.pipelines.cli.Job;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** {@code tributary generate-logs}: writes access-log files with {@link AccessLogGenerator}. */
public final class GenerateLogsJob implements Job<GenerateLogsOptions> {
  @Override
  public String name() {
    return "generate-logs";
  }

  @Override
  public String description() {
    return "Writes realistic Apache access logs into a directory, optionally one file every few seconds.";
  }

  @Override
  public Class<GenerateLogsOptions> optionsClass() {
    return GenerateLogsOptions.class;
  }

  @Override
  public int run(GenerateLogsOptions o, PrintStream out) throws IOException, InterruptedException {
    int files = o.getFiles() == null ? 1 : o.getFiles();
    String outputDir = o.getOutputDir() == null ? "out/generated-logs" : o.getOutputDir();
    if (files < 1 || o.getLinesPerFile() < 1) {
      throw new IllegalArgumentException("--files and --linesPerFile must be at least 1");
    }
    long start;
    ZoneOffset offset;
    try {
      start = Instant.parse(o.getStart()).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--start=" + o.getStart() + " is not an ISO-8601 instant like 2024-06-01T12:00:00Z");
    }
    try {
      offset = ZoneOffset.of(o.getUtcOffset());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("--utcOffset=" + o.getUtcOffset() + " is not an offset like +0000 or -0700");
    }
    long pauseMillis = Durations.parse("fileInterval", o.getFileInterval()).getMillis();
    AccessLogGenerator generator =
        new AccessLogGenerator(o.getSeed(), start, o.getLinesPerSecond(), o.getCutShortShare(), offset);

    Path dir = Path.of(outputDir);
    Files.createDirectories(dir);
    for (int f = 1; f <= files; f++) {
      String name = String.format("access-%03d.log", f);
      Path hidden = dir.resolve("." + name + ".tmp");
      try (BufferedWriter w = Files.newBufferedWriter(hidden, StandardCharsets.UTF_8)) {
        for (int i = 0; i < o.getLinesPerFile(); i++) {
          w.write(generator.nextLine());
          w.write('\n');
        }
      }
      Files.move(hidden, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      out.println("generate-logs: wrote " + dir.resolve(name) + " (" + o.getLinesPerFile() + " lines)");
      if (f < files && pauseMillis > 0) {
        Thread.sleep(pauseMillis);
      }
    }
    return 0;
  }
}
