package dev.tributary.pipelines.serve;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of {@code tributary serve-lines}; {@code tributary serve-lines --help} prints them. */
public interface LineServerOptions extends PipelineOptions {
  @Description("Address to listen on. The default accepts clients on this machine only.")
  @Default.String("127.0.0.1")
  String getHost();

  void setHost(String value);

  @Description("Port to listen on; 0 picks a free port, which the start-up line shows.")
  @Default.Integer(9999)
  int getPort();

  void setPort(int value);

  @Description(
      "Serve the lines of these files, one after another, instead of numbered lines. Repeat the "
          + "option or separate paths with commas. The server ends after the last line.")
  List<String> getFile();

  void setFile(List<String> value);

  @Description(
      "Serve what arrives on standard input, line by line, instead of numbered lines (like "
          + "'nc -lk'). The server ends when the input does.")
  @Default.Boolean(false)
  boolean getStdin();

  void setStdin(boolean value);

  @Description(
      "Lines per second, e.g. 10 or 0.5; 0 sends as fast as the clients read. Default: 1 for "
          + "numbered lines, 0 for --file and --stdin.")
  Double getRate();

  void setRate(Double value);

  @Description("Stop after sending this many lines. By default there is no limit.")
  Long getMaxLines();

  void setMaxLines(Long value);

  @Description("Stop after this long, e.g. 30s or 5m. By default the server runs until Ctrl-C.")
  String getDuration();

  void setDuration(String value);
}
