package dev.tributary.transforms.sliding;

import java.util.List;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * The {@code n} most frequent keys per sliding window, ranked by count descending then key ascending: one
 * list per non-empty window, in that window, in a single {@code ON_TIME} pane. The same result as {@code
 * Window.into(SlidingWindows.of(size).every(slide))} followed by {@code
 * Combine.globally(TopCountsFn.of(n)).withoutDefaults()}, at a cost per element that does not grow with
 * {@code size/slide}: see {@link CountPerSlidingWindow} for the method, the costs and the limits. Ranking a
 * window costs O(W log n) for its W keys, instead of emitting W counts.
 *
 * <p>By default the top 10; the window must be given with {@link #withWindow}.
 */
public final class TopCountsPerSlidingWindow<K extends Comparable<? super K>>
    extends PTransform<PCollection<K>, PCollection<List<KV<K, Long>>>> {
  private final int n;
  private final @Nullable Duration size;
  private final @Nullable Duration slide;

  public static <K extends Comparable<? super K>> TopCountsPerSlidingWindow<K> create() {
    return new TopCountsPerSlidingWindow<>(10, null, null);
  }

  private TopCountsPerSlidingWindow(int n, @Nullable Duration size, @Nullable Duration slide) {
    this.n = n;
    this.size = size;
    this.slide = slide;
  }

  public TopCountsPerSlidingWindow<K> withTopN(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("top-N needs n >= 1, got " + n);
    }
    return new TopCountsPerSlidingWindow<>(n, size, slide);
  }

  /** Windows {@code size} long starting every {@code slide}; {@code size} must be a multiple of it. */
  public TopCountsPerSlidingWindow<K> withWindow(Duration size, Duration slide) {
    SumPanesPerSlidingWindow.checkWindow(size, slide);
    return new TopCountsPerSlidingWindow<>(n, size, slide);
  }

  @Override
  public PCollection<List<KV<K, Long>>> expand(PCollection<K> keys) {
    if (size == null || slide == null) {
      throw new IllegalStateException("TopCountsPerSlidingWindow needs withWindow(size, slide)");
    }
    return keys.apply("RankPanes", new SumPanesPerSlidingWindow<>(size, slide, WindowSummary.<K>top(n)));
  }
}
