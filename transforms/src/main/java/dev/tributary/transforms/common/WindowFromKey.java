package dev.tributary.transforms.common;

import java.util.Collection;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.windowing.IncompatibleWindowException;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.NonMergingWindowFn;
import org.apache.beam.sdk.transforms.windowing.WindowFn;
import org.apache.beam.sdk.transforms.windowing.WindowMappingFn;
import org.apache.beam.sdk.values.KV;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Puts each {@code KV<IntervalWindow, V>} into the window its key names. For a step that already knows the
 * window of what it emits (it counted per window itself) but runs in the global window: the window travels
 * in the element, which every runner can encode, and this puts it back before a windowed combine.
 */
public final class WindowFromKey<V> extends NonMergingWindowFn<KV<IntervalWindow, V>, IntervalWindow> {
  private static final long serialVersionUID = 1L;

  public static <V> WindowFromKey<V> create() {
    return new WindowFromKey<>();
  }

  private WindowFromKey() {}

  @Override
  public Collection<IntervalWindow> assignWindows(AssignContext c) {
    return List.of(c.element().getKey());
  }

  @Override
  public boolean isCompatible(WindowFn<?, ?> other) {
    return other instanceof WindowFromKey;
  }

  @Override
  public void verifyCompatibility(WindowFn<?, ?> other) throws IncompatibleWindowException {
    if (!isCompatible(other)) {
      throw new IncompatibleWindowException(other, "only another WindowFromKey is compatible");
    }
  }

  @Override
  public Coder<IntervalWindow> windowCoder() {
    return IntervalWindow.getCoder();
  }

  @Override
  public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
    throw new UnsupportedOperationException("windows taken from elements cannot index a side input");
  }

  @Override
  public boolean assignsToOneWindow() {
    return true;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof WindowFromKey;
  }

  @Override
  public int hashCode() {
    return WindowFromKey.class.hashCode();
  }
}
