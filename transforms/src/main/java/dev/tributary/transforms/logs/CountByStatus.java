package dev.tributary.transforms.logs;

import dev.tributary.transforms.common.AddUpSinceStart;
import dev.tributary.transforms.common.CountWithinBundles;
import java.util.Map;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Running count of responses per HTTP status since the job started: the seeds' {@code
 * groupBy("status").count()} in complete output mode. Each output element is the whole status table.
 *
 * <p>On bounded input it fires once, at the end; with {@link #withUpdateEvery} it re-emits the table
 * periodically, for unbounded input.
 */
public final class CountByStatus extends PTransform<PCollection<LogRecord>, PCollection<Map<Integer, Long>>> {
  private final @Nullable Duration updateEvery;

  public static CountByStatus create() {
    return new CountByStatus(null);
  }

  private CountByStatus(@Nullable Duration updateEvery) {
    this.updateEvery = updateEvery;
  }

  /** Emit the table again this long (processing time) after the first new record since the last one. */
  public CountByStatus withUpdateEvery(Duration interval) {
    return new CountByStatus(interval);
  }

  @Override
  public PCollection<Map<Integer, Long>> expand(PCollection<LogRecord> records) {
    // Counting straight from the records saves a per-record step that would extract the statuses first.
    return records
        .apply("CountStatusesWithinBundles", CountWithinBundles.by(LogRecord::getStatus, VarIntCoder.of()))
        .apply("AddUpSinceStart", addUpSinceStart());
  }

  /** Adds up per-bundle status tables into the running table, firing as configured. */
  AddUpSinceStart<Integer> addUpSinceStart() {
    AddUpSinceStart<Integer> addUp = AddUpSinceStart.create();
    return updateEvery == null ? addUp : addUp.withUpdateEvery(updateEvery);
  }
}
