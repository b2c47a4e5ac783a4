package dev.tributary.transforms.sliding;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.windowing.IncompatibleWindowException;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.NonMergingWindowFn;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.transforms.windowing.WindowMappingFn;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Puts an element stamped {@code t} into the one sliding window that ends at {@code t + 1 ms}, the window
 * whose result it is. The windows are the same {@link IntervalWindow}s that {@code SlidingWindows.of(size)
 * .every(slide)} produces; only the assignment differs (one window instead of {@code size/slide}). Side
 * inputs map main-input windows as {@link SlidingWindows} does.
 */
final class SlidingWindowEndingAt extends NonMergingWindowFn<Object, IntervalWindow> {
  private static final long serialVersionUID = 1L;
  private final Duration size;
  private final Duration slide;

  SlidingWindowEndingAt(Duration size, Duration slide) {
    this.size = size;
    this.slide = slide;
  }

  @Override
  public Collection<IntervalWindow> assignWindows(AssignContext c) {
    Instant end = c.timestamp().plus(Duration.millis(1));
    return Collections.singletonList(new IntervalWindow(end.minus(size), end));
  }

  @Override
  public boolean isCompatible(WindowFn<?, ?> other) {
    return equals(other);
  }

  @Override
  public void verifyCompatibility(WindowFn<?, ?> other) throws IncompatibleWindowException {
    if (!isCompatible(other)) {
      throw new IncompatibleWindowException(
          other, "only the same sliding windows (size " + size + ", slide " + slide + ") are compatible");
    }
  }

  @Override
  public Coder<IntervalWindow> windowCoder() {
    return IntervalWindow.getCoder();
  }

  @Override
  public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
    return SlidingWindows.of(size).every(slide).getDefaultWindowMappingFn();
  }

  @Override
  public boolean assignsToOneWindow() {
    return true;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SlidingWindowEndingAt
        && size.equals(((SlidingWindowEndingAt) o).size)
        && slide.equals(((SlidingWindowEndingAt) o).slide);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, slide);
  }
}
