package dev.tributary.transforms.common;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Counts keys per window within each bundle and emits the partial tables, which a downstream combine adds
 * up ({@link MergeCountTablesFn}, {@link TopOfCountTablesFn}). This is combiner lifting done in the pipeline
 * itself, so that every runner gets it: the Direct runner lifts a combine only under the default trigger,
 * the Flink runner's batch combine first serializes and sorts every element, and a sliding window triples
 * the elements before any of that. Here each key reaches the shuffle once per window and bundle.
 *
 * <p>Tables are emitted when the bundle finishes, or earlier to bound memory: when more than {@value
 * #MAX_OPEN_WINDOWS} windows are open the least recently used one is emitted, and when the open tables hold
 * more than {@value #MAX_ENTRIES} keys in all, all of them are. A table emitted at the end of the bundle
 * carries the earliest timestamp counted into it, so it holds the watermark no later than its elements
 * would have; one emitted early carries the current element's timestamp if that is later.
 */
public final class CountWithinBundles<T, K> extends PTransform<PCollection<T>, PCollection<Map<K, Long>>> {
  static final int MAX_OPEN_WINDOWS = BundleCountTables.DEFAULT_MAX_OPEN_WINDOWS;
  static final int MAX_ENTRIES = BundleCountTables.DEFAULT_MAX_ENTRIES;

  private final @Nullable SerializableFunction<T, @Nullable K> keyOf;
  private final @Nullable Coder<K> keyCoder;
  private final int maxOpenWindows;
  private final int maxEntries;

  /** Counts the elements themselves. */
  public static <K> CountWithinBundles<K, K> create() {
    return new CountWithinBundles<>(null, null, MAX_OPEN_WINDOWS, MAX_ENTRIES);
  }

  /**
   * Counts the key of each element, saving a step that would extract the keys first; elements whose key is
   * null are not counted.
   */
  public static <T, K> CountWithinBundles<T, K> by(SerializableFunction<T, @Nullable K> keyOf, Coder<K> keyCoder) {
    return new CountWithinBundles<>(keyOf, keyCoder, MAX_OPEN_WINDOWS, MAX_ENTRIES);
  }

  /** Smaller limits, so that tests can reach them. */
  CountWithinBundles<T, K> withLimits(int maxOpenWindows, int maxEntries) {
    return new CountWithinBundles<>(keyOf, keyCoder, maxOpenWindows, maxEntries);
  }

  private CountWithinBundles(
      @Nullable SerializableFunction<T, @Nullable K> keyOf,
      @Nullable Coder<K> keyCoder,
      int maxOpenWindows,
      int maxEntries) {
    this.keyOf = keyOf;
    this.keyCoder = keyCoder;
    this.maxOpenWindows = maxOpenWindows;
    this.maxEntries = maxEntries;
  }

  @Override
  @SuppressWarnings("unchecked")
  public PCollection<Map<K, Long>> expand(PCollection<T> elements) {
    // Without a key function the elements are the keys (T is K).
    Coder<K> coder = keyCoder != null ? keyCoder : (Coder<K>) elements.getCoder();
    return elements
        .apply("CountBundle", ParDo.of(new CountFn<T, K>(keyOf, maxOpenWindows, maxEntries)))
        .setCoder(MapCoder.of(coder, VarLongCoder.of()));
  }

  private static final class CountFn<T, K> extends DoFn<T, Map<K, Long>> {
    private final @Nullable SerializableFunction<T, @Nullable K> keyOf;
    private final int maxOpenWindows;
    private final int maxEntries;
    private transient BundleCountTables<K> tables;

    CountFn(@Nullable SerializableFunction<T, @Nullable K> keyOf, int maxOpenWindows, int maxEntries) {
      this.keyOf = keyOf;
      this.maxOpenWindows = maxOpenWindows;
      this.maxEntries = maxEntries;
    }

    @Setup
    public void setup() {
      tables = new BundleCountTables<>(maxOpenWindows, maxEntries);
    }

    @ProcessElement
    @SuppressWarnings("unchecked")
    public void process(
        @Element T element, @Timestamp Instant timestamp, BoundedWindow window, OutputReceiver<Map<K, Long>> out) {
      K key = keyOf == null ? (K) element : keyOf.apply(element);
      if (key == null) {
        return;
      }
      // A table leaving early goes out at the later of its earliest timestamp and the current element's:
      // Beam lets an element's output be no earlier than the element itself, and the downstream combine
      // groups by window, whatever the timestamp.
      tables.add(
          window,
          key,
          timestamp,
          (w, counts, earliest) ->
              out.outputWindowedValue(
                  BundleCountTables.boxed(counts),
                  earliest.isBefore(timestamp) ? timestamp : earliest,
                  List.of(w),
                  PaneInfo.NO_FIRING));
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      tables.flush((w, counts, earliest) -> c.output(BundleCountTables.boxed(counts), earliest, w));
    }
  }
}
