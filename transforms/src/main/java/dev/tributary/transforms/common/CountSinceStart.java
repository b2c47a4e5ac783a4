package dev.tributary.transforms.common;

import java.util.Map;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Counts each key over everything seen since the job started, emitting the whole table at every firing:
 * Spark's complete output mode for a {@code groupBy(key).count()}. For small key sets only, since every
 * firing carries all keys.
 *
 * <p>On bounded input it fires once, at the end. With {@link #withUpdateEvery} it fires repeatedly in
 * processing time, each firing accumulating everything so far, which is what an unbounded input needs.
 */
public final class CountSinceStart<K> extends PTransform<PCollection<K>, PCollection<Map<K, Long>>> {
  private final @Nullable Duration updateEvery;

  public static <K> CountSinceStart<K> create() {
    return new CountSinceStart<>(null);
  }

  private CountSinceStart(@Nullable Duration updateEvery) {
    this.updateEvery = updateEvery;
  }

  /** Emit the table again this long after the first new element since the previous emission. */
  public CountSinceStart<K> withUpdateEvery(Duration interval) {
    if (!interval.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("update interval must be positive, got " + interval);
    }
    return new CountSinceStart<>(interval);
  }

  @Override
  public PCollection<Map<K, Long>> expand(PCollection<K> keys) {
    AddUpSinceStart<K> addUp = AddUpSinceStart.create();
    return keys.apply("CountWithinBundles", CountWithinBundles.<K>create())
        .apply("AddUpSinceStart", updateEvery == null ? addUp : addUp.withUpdateEvery(updateEvery));
  }
}
