package dev.tributary.transforms.logs;

/** Which clock places a log record in time. */
public enum TimeMode {
  /** The request time written in the log line itself. Windows mean "when the requests happened". */
  EVENT,
  /**
   * The time the pipeline reads the record, like the seeds' {@code current_timestamp()}. Windows mean "when
   * Tributary saw the requests"; replaying an old log gives windows around now.
   */
  PROCESSING
}
