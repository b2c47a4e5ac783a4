package dev.tributary.transforms.common;

import java.util.Map;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Adds up count tables (those of {@link CountWithinBundles}) over everything seen since the job started,
 * emitting the whole table at every firing: the second half of {@link CountSinceStart}, for callers that
 * count their own keys within bundles.
 *
 * <p>On bounded input it fires once, at the end. With {@link #withUpdateEvery} it fires repeatedly in
 * processing time, each firing accumulating everything so far, which is what an unbounded input needs.
 */
public final class AddUpSinceStart<K> extends PTransform<PCollection<Map<K, Long>>, PCollection<Map<K, Long>>> {
  private final @Nullable Duration updateEvery;

  public static <K> AddUpSinceStart<K> create() {
    return new AddUpSinceStart<>(null);
  }

  private AddUpSinceStart(@Nullable Duration updateEvery) {
    this.updateEvery = updateEvery;
  }

  /** Emit the table again this long after the first new table since the previous emission. */
  public AddUpSinceStart<K> withUpdateEvery(Duration interval) {
    if (!interval.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("update interval must be positive, got " + interval);
    }
    return new AddUpSinceStart<>(interval);
  }

  @Override
  public PCollection<Map<K, Long>> expand(PCollection<Map<K, Long>> tables) {
    Window<Map<K, Long>> sinceStart = Window.into(new GlobalWindows());
    if (updateEvery != null) {
      sinceStart =
          sinceStart
              .triggering(
                  Repeatedly.forever(
                      AfterProcessingTime.pastFirstElementInPane().plusDelayOf(updateEvery)))
              .withAllowedLateness(Duration.ZERO)
              .accumulatingFiredPanes();
    }
    Combine.Globally<Map<K, Long>, Map<K, Long>> addUp = Combine.globally(MergeCountTablesFn.<K>create());
    if (updateEvery != null) {
      // No empty default table for unbounded input: the default branch is a bounded Create joined by a side
      // input, which the Spark runner's streaming translation cannot mix with an unbounded read.
      addUp = addUp.withoutDefaults();
    }
    return tables.apply("SinceStart", sinceStart).apply("AddUp", addUp);
  }
}
