package dev.tributary.pipelines.joins;

import dev.tributary.io.s3.TributaryS3Options;
import dev.tributary.pipelines.common.OutputModeOptions;
import dev.tributary.pipelines.common.ResultOptions;
import dev.tributary.pipelines.common.StreamInputOptions;
import dev.tributary.transforms.logs.TimeMode;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of the {@code join-streams} job; {@code tributary join-streams --help} prints them. */
public interface JoinStreamsOptions extends TributaryS3Options, StreamInputOptions, ResultOptions, OutputModeOptions {
  @Description(
      "The plays stream, lines 'time,player,score' (or 'player,score' with --timeMode=PROCESSING): a "
          + "directory, file, glob, s3://bucket/prefix/, or tcp://host:port for a socket (always streaming). "
          + "Default: data/joins/plays.csv")
  String getPlays();

  void setPlays(String value);

  @Description(
      "The persons stream, lines 'time,person,city' (or 'person,city' with --timeMode=PROCESSING), read "
          + "like --plays. Default: data/joins/persons.csv")
  String getPersons();

  void setPersons(String value);

  @Description(
      "EVENT: each line starts with its event time (ISO-8601, UTC if no offset), and rows join when their "
          + "times fall in the same window. PROCESSING: lines are the bare rows, placed at the time the job "
          + "reads them (the seeds' socket streams with includeTimestamp); a one-time read places every row at "
          + "the job's start. Default: EVENT")
  TimeMode getTimeMode();

  void setTimeMode(TimeMode value);

  @Description("Length of the fixed windows within which plays and persons join, e.g. 1m. Default: 1m")
  String getJoinWindow();

  void setJoinWindow(String value);

  @Description(
      "How far behind the watermark a row may arrive and still join, re-emitting its key's pairs of that "
          + "window in a late pane. Later rows are dropped and counted.")
  @Default.String("0s")
  String getAllowedLateness();

  void setAllowedLateness(String value);
}
