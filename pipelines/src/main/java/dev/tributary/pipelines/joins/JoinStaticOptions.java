package dev.tributary.pipelines.joins;

import dev.tributary.io.s3.TributaryS3Options;
import dev.tributary.pipelines.common.OutputModeOptions;
import dev.tributary.pipelines.common.ResultOptions;
import dev.tributary.pipelines.common.StreamInputOptions;
import dev.tributary.transforms.logs.TimeMode;
import org.apache.beam.sdk.options.Description;

/** Options of the {@code join-static} job; {@code tributary join-static --help} prints them. */
public interface JoinStaticOptions extends TributaryS3Options, StreamInputOptions, ResultOptions, OutputModeOptions {
  @Description(
      "The plays stream, lines 'time,player,score' (or 'player,score' with --timeMode=PROCESSING): a "
          + "directory, file, glob, s3://bucket/prefix/, or tcp://host:port for a socket (always streaming). "
          + "Default: data/joins/plays.csv")
  String getInput();

  void setInput(String value);

  @Description(
      "The static players table, a CSV file 'name,age' with unique names, read once before the first play is "
          + "joined (a file, glob or s3:// object; not a stream). Default: data/joins/players.csv")
  String getPlayers();

  void setPlayers(String value);

  @Description(
      "inner: only plays of players in the table. left_outer: every play, with a null age when its player "
          + "is not in the table. Default: inner")
  String getJoinType();

  void setJoinType(String value);

  @Description(
      "EVENT: each play line starts with its event time (ISO-8601, UTC if no offset). PROCESSING: lines are "
          + "the bare rows, placed at the time the job reads them. The time is shown, not used to match. Default: EVENT")
  TimeMode getTimeMode();

  void setTimeMode(TimeMode value);
}
