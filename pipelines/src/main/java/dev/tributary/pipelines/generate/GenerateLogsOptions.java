package dev.tributary.pipelines.generate;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@code tributary generate-logs}. */
public interface GenerateLogsOptions extends PipelineOptions {
  // No @Default on outputDir and files: generate-csv shares them with other defaults (one options registry
  // per JVM); GenerateLogsJob applies these.
  @Description("Directory to write the log files into; created if missing. Default: out/generated-logs")
  String getOutputDir();

  void setOutputDir(String value);

  @Description("How many files to write. Default: 1")
  Integer getFiles();

  void setFiles(Integer value);

  @Description("Lines per file.")
  @Default.Integer(1000)
  int getLinesPerFile();

  void setLinesPerFile(int value);

  @Description("Seed of the random generator: the same seed and options give the same files.")
  @Default.Long(42L)
  long getSeed();

  void setSeed(long value);

  @Description("Time of the first request, ISO-8601, e.g. 2024-06-01T12:00:00Z.")
  @Default.String("2024-06-01T12:00:00Z")
  String getStart();

  void setStart(String value);

  @Description("Mean requests per second of log time.")
  @Default.Double(10.0)
  double getLinesPerSecond();

  void setLinesPerSecond(double value);

  @Description("Share of lines written cut short (0 to 1), to exercise dead letters.")
  @Default.Double(0.002)
  double getCutShortShare();

  void setCutShortShare(double value);

  @Description("UTC offset written in the timestamps, e.g. +0000 or -0700.")
  @Default.String("+0000")
  String getUtcOffset();

  void setUtcOffset(String value);

  @Description(
      "Wall-clock pause between files, e.g. 3s, to feed 'tributary logs --follow'. Each file is "
          + "written under a hidden name and renamed into place, so readers never see half a file.")
  @Default.String("0s")
  String getFileInterval();

  void setFileInterval(String value);
}
