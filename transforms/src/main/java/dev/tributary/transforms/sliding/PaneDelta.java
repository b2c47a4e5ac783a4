package dev.tributary.transforms.sliding;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How the count table of the sliding window ending at {@link #getPaneEnd()} differs from the table of the
 * window ending one slide earlier: the counts of the pane that enters, minus the counts of the pane that
 * leaves. Keys whose net change is zero are absent.
 *
 * <p>{@link #continuesRun()} says whether the window ending one slide earlier held anything. When it did
 * not, this delta is the whole table of its window and needs no predecessor; otherwise the predecessor's
 * delta is guaranteed to exist, because a window that holds something always gets a delta (see {@link
 * SumPanesPerSlidingWindow}). This is what lets {@link RunningTables} apply deltas that arrive out of order.
 *
 * <p>Before they are merged per pane, deltas are contributions without a pane end: a pane {@linkplain
 * #entering entering}, a pane {@linkplain #leaving leaving}, or a {@linkplain #marker marker} saying that an
 * earlier pane is still inside the windows ending in the next {@code size/slide - 1} panes.
 *
 * <p>Instances handed between steps are never modified. Only {@link MergeDeltasFn} modifies the
 * accumulators it created itself.
 */
final class PaneDelta<K> {
  static final long NO_PANE = Long.MIN_VALUE;

  private final long paneEnd;
  private final Map<K, Long> change;
  private boolean continuesRun;
  private final boolean marker;

  PaneDelta(long paneEnd, Map<K, Long> change, boolean continuesRun, boolean marker) {
    this.paneEnd = paneEnd;
    this.change = change;
    this.continuesRun = continuesRun;
    this.marker = marker;
  }

  /** A pane enters the windows with these counts. */
  static <K> PaneDelta<K> entering(Map<K, Long> paneCounts) {
    return new PaneDelta<>(NO_PANE, paneCounts, false, false);
  }

  /** An earlier pane with these counts leaves the windows. */
  static <K> PaneDelta<K> leaving(Map<K, Long> paneCounts) {
    Map<K, Long> negated = new HashMap<>(capacityFor(paneCounts.size()));
    paneCounts.forEach((k, n) -> negated.put(k, -n));
    return new PaneDelta<>(NO_PANE, negated, true, false);
  }

  /** An earlier pane is still inside the windows: no change, but each of them has a predecessor. */
  static <K> PaneDelta<K> marker() {
    return new PaneDelta<>(NO_PANE, Collections.emptyMap(), true, true);
  }

  /** An empty accumulator for {@link MergeDeltasFn}. */
  static <K> PaneDelta<K> empty() {
    return new PaneDelta<>(NO_PANE, new HashMap<>(), false, false);
  }

  /** This delta, for the window ending at {@code paneEnd}. */
  PaneDelta<K> pinnedTo(long paneEnd) {
    return new PaneDelta<>(paneEnd, change, continuesRun, false);
  }

  /**
   * Exclusive end, in epoch milliseconds, of the pane (and so of the sliding window) this delta closes;
   * {@link #NO_PANE} before the deltas are merged per pane.
   */
  long getPaneEnd() {
    return paneEnd;
  }

  Map<K, Long> getChange() {
    return change;
  }

  boolean continuesRun() {
    return continuesRun;
  }

  /** Whether this is a marker, which goes into several panes. */
  boolean isMarker() {
    return marker;
  }

  /** Adds {@code other} into this accumulator; {@code other} is left untouched. */
  PaneDelta<K> absorb(PaneDelta<K> other) {
    continuesRun |= other.continuesRun;
    other.change.forEach(
        (k, n) -> {
          long sum = change.getOrDefault(k, 0L) + n;
          if (sum == 0) {
            change.remove(k);
          } else {
            change.put(k, sum);
          }
        });
    return this;
  }

  static int capacityFor(int entries) {
    return Math.max(4, (int) (entries / 0.75f) + 1);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof PaneDelta)) {
      return false;
    }
    PaneDelta<?> that = (PaneDelta<?>) o;
    return paneEnd == that.paneEnd
        && continuesRun == that.continuesRun
        && marker == that.marker
        && change.equals(that.change);
  }

  @Override
  public int hashCode() {
    return Objects.hash(paneEnd, change, continuesRun, marker);
  }

  @Override
  public String toString() {
    return "PaneDelta{end="
        + (paneEnd == NO_PANE ? "-" : paneEnd)
        + (marker ? ", marker" : "")
        + ", continues="
        + continuesRun
        + ", change="
        + change
        + "}";
  }
}
