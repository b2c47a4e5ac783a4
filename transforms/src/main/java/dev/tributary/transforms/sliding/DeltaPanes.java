package dev.tributary.transforms.sliding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IncompatibleWindowException;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.NonMergingWindowFn;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.transforms.windowing.WindowMappingFn;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Panes one slide long, as {@code FixedWindows.of(slide)}, for {@link PaneDelta} contributions: an entering
 * or leaving delta goes into the pane holding its timestamp, a {@linkplain PaneDelta#isMarker() marker} into
 * that pane and the {@code markedPanes - 1} after it. One marker element thus stands for {@code
 * size/slide - 1} panes instead of being copied that many times, and a lifted combine merges it into each
 * pane's accumulator before any shuffle.
 *
 * <p>A marker is stamped at the start of the first pane it marks, so in the later ones its timestamp
 * precedes the window. That is harmless here: the panes use the end-of-window timestamp combiner, so the
 * merged delta is stamped at the pane's end whatever its inputs' timestamps, and the marker's own timestamp
 * holds the watermark no later than any pane it marks.
 */
final class DeltaPanes extends NonMergingWindowFn<Object, IntervalWindow> {
  private static final long serialVersionUID = 1L;
  private final long slideMillis;
  private final int markedPanes;

  DeltaPanes(Duration slide, int markedPanes) {
    this.slideMillis = slide.getMillis();
    this.markedPanes = markedPanes;
  }

  @Override
  public Collection<IntervalWindow> assignWindows(AssignContext c) {
    long t = c.timestamp().getMillis();
    long start = t - Math.floorMod(t, slideMillis);
    int panes = ((PaneDelta<?>) c.element()).isMarker() ? markedPanes : 1;
    List<IntervalWindow> windows = new ArrayList<>(panes);
    for (int i = 0; i < panes; i++) {
      long s = start + i * slideMillis;
      windows.add(new IntervalWindow(new Instant(s), new Instant(s + slideMillis)));
    }
    return windows;
  }

  @Override
  public boolean isCompatible(WindowFn<?, ?> other) {
    return equals(other);
  }

  @Override
  public void verifyCompatibility(WindowFn<?, ?> other) throws IncompatibleWindowException {
    if (!isCompatible(other)) {
      throw new IncompatibleWindowException(other, "only the same delta panes are compatible");
    }
  }

  @Override
  public Coder<IntervalWindow> windowCoder() {
    return IntervalWindow.getCoder();
  }

  @Override
  public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
    return FixedWindows.of(Duration.millis(slideMillis)).getDefaultWindowMappingFn();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DeltaPanes
        && slideMillis == ((DeltaPanes) o).slideMillis
        && markedPanes == ((DeltaPanes) o).markedPanes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(slideMillis, markedPanes);
  }
}
