package dev.tributary.pipelines.csv;

import dev.tributary.pipelines.cli.Job;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * {@code tributary generate-csv}: writes CSV files of user events for {@code csv-events}, by default 10
 * files of 10 rows, one every 3 s. Each file is written under a hidden name ({@code .name.tmp}, which
 * readers skip) and renamed into place, so a reader following the directory never sees half a file.
 */
public final class GenerateCsvJob implements Job<GenerateCsvOptions> {
  @Override
  public String name() {
    return "generate-csv";
  }

  @Override
  public String description() {
    return "Writes CSV files of user events (timestamp,user_id,event), by default 10 files of 10 rows, 3 s apart.";
  }

  @Override
  public Class<GenerateCsvOptions> optionsClass() {
    return GenerateCsvOptions.class;
  }

  @Override
  public int run(GenerateCsvOptions options, PrintStream out) throws IOException, InterruptedException {
    CsvGeneratorSettings s = CsvGeneratorSettings.from(options);
    UserEventGenerator generator = new UserEventGenerator(s.seed(), s.users(), s.events());
    long spanMillis = s.fileSpan().getMillis();
    Files.createDirectories(s.outputDir());
    for (int f = 0; f < s.files(); f++) {
      String name = String.format("user-events-%03d.csv", f + 1);
      Path hidden = s.outputDir().resolve("." + name + ".tmp");
      try (BufferedWriter w = Files.newBufferedWriter(hidden, StandardCharsets.UTF_8)) {
        w.write(UserEventGenerator.HEADER);
        w.write('\n');
        for (int r = 0; r < s.rowsPerFile(); r++) {
          // Rows spread evenly over the file's span; whole milliseconds, increasing within and across files.
          Instant time = s.start().plusMillis(f * spanMillis + r * spanMillis / s.rowsPerFile());
          w.write(generator.row(time));
          w.write('\n');
        }
      }
      Files.move(hidden, s.outputDir().resolve(name), StandardCopyOption.ATOMIC_MOVE);
      out.println("generate-csv: wrote " + s.outputDir().resolve(name) + " (" + s.rowsPerFile() + " rows)");
      if (f < s.files() - 1 && s.interval().getMillis() > 0) {
        Thread.sleep(s.interval().getMillis());
      }
    }
    return 0;
  }
}
