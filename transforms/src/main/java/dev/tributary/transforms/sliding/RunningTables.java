package dev.tributary.transforms.sliding;

import java.util.HashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The inverse-reduce step, on plain Java maps: turns {@link PaneDelta}s into the count table of every
 * sliding window, each window costing only the keys its delta changes.
 *
 * <p>Deltas may arrive in any order. A delta that {@linkplain PaneDelta#continuesRun() continues a run}
 * waits in {@code pending} until the delta one slide earlier has been applied; a delta that starts a run is
 * applied at once to an empty table. Several runs (stretches of non-empty windows separated by at least a
 * window's worth of empty panes) may be in progress at once when deltas arrive out of order; each has its
 * own table in {@code runs}, keyed by the end of the last pane applied to it.
 *
 * <p>State between calls is the runs map and the waiting deltas passed in, so that a stateful DoFn can keep
 * them in its state.
 */
final class RunningTables<K> {
  /** Receives each window's table, by the window's exclusive end. The table must not be kept or changed. */
  interface WindowSink<K> {
    void accept(long windowEnd, Map<K, Long> table);
  }

  /** Deltas waiting for their predecessor, by pane end. */
  interface Waiting<K> {
    boolean contains(long paneEnd);

    void park(long paneEnd, PaneDelta<K> delta);

    /** Removes and returns the delta for this pane end, if one waits. */
    @Nullable
    PaneDelta<K> take(long paneEnd);

    static <K> Waiting<K> in(Map<Long, PaneDelta<K>> map) {
      return new Waiting<K>() {
        @Override
        public boolean contains(long paneEnd) {
          return map.containsKey(paneEnd);
        }

        @Override
        public void park(long paneEnd, PaneDelta<K> delta) {
          map.put(paneEnd, delta);
        }

        @Override
        public @Nullable PaneDelta<K> take(long paneEnd) {
          return map.remove(paneEnd);
        }
      };
    }
  }

  private final long slideMillis;
  private final Map<Long, Map<K, Long>> runs;
  private final Waiting<K> pending;

  /**
   * @param runs running tables by the end of the last pane applied to them; updated in place
   * @param pending deltas waiting for their predecessor; updated in place
   */
  RunningTables(long slideMillis, Map<Long, Map<K, Long>> runs, Waiting<K> pending) {
    this.slideMillis = slideMillis;
    this.runs = runs;
    this.pending = pending;
  }

  /**
   * Applies {@code delta} if its predecessor has been applied (or it needs none), then every waiting delta
   * that it unblocks, handing each non-empty window table to {@code sink} in window order, and returns
   * true. Otherwise parks it and returns false.
   */
  boolean apply(PaneDelta<K> delta, WindowSink<K> sink) {
    long end = delta.getPaneEnd();
    if (runs.containsKey(end) || pending.contains(end)) {
      throw new IllegalStateException(
          "a second delta for the window ending at "
              + end
              + ": a pane fired twice, so the runner did not drop data behind the watermark (Spark's"
              + " TestStream re-fires a closed window so); these sliding counts need late data dropped");
    }
    Map<K, Long> table;
    if (delta.continuesRun()) {
      table = runs.remove(end - slideMillis);
      if (table == null) {
        pending.park(end, delta);
        return false;
      }
    } else {
      if (runs.containsKey(end - slideMillis)) {
        throw new IllegalStateException(
            "the delta for the window ending at " + end + " starts a run, but the window before held keys");
      }
      table = new HashMap<>(PaneDelta.capacityFor(delta.getChange().size()));
    }
    PaneDelta<K> next = delta;
    while (true) {
      applyChange(table, next);
      if (!table.isEmpty()) {
        sink.accept(end, table);
      }
      next = pending.take(end + slideMillis);
      if (next == null) {
        break;
      }
      end += slideMillis;
    }
    if (!table.isEmpty()) {
      // The window ending at `end` holds keys, so the delta ending one slide later exists and continues it.
      runs.put(end, table);
    }
    return true;
  }

  private static <K> void applyChange(Map<K, Long> table, PaneDelta<K> delta) {
    delta
        .getChange()
        .forEach(
            (k, n) -> {
              long count = table.getOrDefault(k, 0L) + n;
              if (count > 0) {
                table.put(k, count);
              } else if (count == 0) {
                table.remove(k);
              } else {
                throw new IllegalStateException(
                    "count of " + k + " went negative in the window ending at " + delta.getPaneEnd()
                        + ": a pane left a window it never entered");
              }
            });
  }
}
