package dev.tributary.pipelines.csv;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Options of {@code tributary generate-csv}. Options without {@code @Default} share their names with
 * other jobs that default them differently (one options registry per JVM); their defaults are applied in
 * {@link CsvGeneratorSettings}.
 */
public interface GenerateCsvOptions extends PipelineOptions {
  @Description("Directory to write the CSV files into; created if missing. Default: out/user-events")
  String getOutputDir();

  void setOutputDir(String value);

  @Description("How many files to write. Default: 10")
  Integer getFiles();

  void setFiles(Integer value);

  @Description("Rows per file, after a header line 'timestamp,user_id,event'. Default: 10")
  Integer getRowsPerFile();

  void setRowsPerFile(Integer value);

  @Description(
      "Wall-clock pause between files (0s: none), and the span of event time each file covers, its rows "
          + "evenly spread over it (1s when the pause is 0s). Default: 3s")
  String getInterval();

  void setInterval(String value);

  @Description("User ids are drawn from 1 to this number. Default: 5")
  Integer getUsers();

  void setUsers(Integer value);

  @Description(
      "Event types to draw from, comma-separated. csv-events counts login, logout, purchase and view; any "
          + "other type becomes a dead letter there. Default: login,logout,purchase,view")
  List<String> getEvents();

  void setEvents(List<String> value);

  @Description("Seed of the random generator: the same seed and options give the same files.")
  @Default.Long(42L)
  long getSeed();

  void setSeed(long value);

  @Description("Event time of the first row, ISO-8601 such as 2024-06-01T12:00:00Z, or 'now'.")
  @Default.String("2024-06-01T12:00:00Z")
  String getStart();

  void setStart(String value);
}
