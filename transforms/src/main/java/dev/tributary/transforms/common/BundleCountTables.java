package dev.tributary.transforms.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Instant;

/**
 * Key counts per window, kept while a DoFn works through one bundle: the state behind {@link
 * CountWithinBundles} and the other steps that count before a shuffle.
 *
 * <p>Memory is bounded: when more than {@code maxOpenWindows} windows are open, the least recently used one
 * is handed to the {@link Sink} at once, and when the open tables hold more than {@code maxEntries} keys in
 * all, every table is. Each table remembers the earliest timestamp counted into it, so the caller can emit
 * it no later than its elements would have held the watermark.
 *
 * <p>Not thread-safe; one instance per DoFn instance, emptied by {@link #flush} at the end of each bundle.
 */
public final class BundleCountTables<K> {
  /**
   * Receives a table that leaves: its window, its counts (each in a {@code long[1]}; the table is not used
   * again) and the earliest timestamp counted into it.
   */
  public interface Sink<K> {
    void emit(BoundedWindow window, Map<K, long[]> counts, Instant earliest);
  }

  /** {@code counts} as a map of plain numbers. */
  public static <K> Map<K, Long> boxed(Map<K, long[]> counts) {
    Map<K, Long> out = new HashMap<>(counts.size() * 4 / 3 + 1);
    counts.forEach((k, n) -> out.put(k, n[0]));
    return out;
  }

  /** Open windows beyond which the least recently used table leaves. */
  public static final int DEFAULT_MAX_OPEN_WINDOWS = 64;
  /** Keys in all open tables beyond which every table leaves. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private final int maxOpenWindows;
  private final int maxEntries;
  /** Open tables by window, least recently used first. */
  private final LinkedHashMap<BoundedWindow, Table<K>> tables = new LinkedHashMap<>(16, 0.75f, true);
  private int entries;

  public BundleCountTables(int maxOpenWindows, int maxEntries) {
    this.maxOpenWindows = maxOpenWindows;
    this.maxEntries = maxEntries;
  }

  /** Counts {@code key} once in {@code window}; may first hand tables to {@code overflow} to bound memory. */
  public void add(BoundedWindow window, K key, Instant timestamp, Sink<K> overflow) {
    Table<K> table = tables.get(window);
    if (table == null) {
      table = new Table<>(timestamp);
      tables.put(window, table);
      if (tables.size() > maxOpenWindows) {
        Iterator<Map.Entry<BoundedWindow, Table<K>>> eldest = tables.entrySet().iterator();
        Map.Entry<BoundedWindow, Table<K>> e = eldest.next();
        eldest.remove();
        entries -= e.getValue().counts.size();
        overflow.emit(e.getKey(), e.getValue().counts, e.getValue().earliest);
      }
    }
    if (table.add(key, timestamp)) {
      entries++;
    }
    if (entries > maxEntries) {
      flush(overflow);
    }
  }

  /** Hands every open table to {@code sink} and forgets them. */
  public void flush(Sink<K> sink) {
    List<Map.Entry<BoundedWindow, Table<K>>> all = new ArrayList<>(tables.entrySet());
    tables.clear();
    entries = 0;
    for (Map.Entry<BoundedWindow, Table<K>> e : all) {
      sink.emit(e.getKey(), e.getValue().counts, e.getValue().earliest);
    }
  }

  /** One window's counts. */
  private static final class Table<K> {
    final HashMap<K, long[]> counts = new HashMap<>();
    Instant earliest;

    Table(Instant first) {
      this.earliest = first;
    }

    /** Counts {@code key}; true when it is new to the table. */
    boolean add(K key, Instant timestamp) {
      if (timestamp.isBefore(earliest)) {
        earliest = timestamp;
      }
      long[] n = counts.get(key);
      if (n == null) {
        counts.put(key, new long[] {1});
        return true;
      }
      n[0]++;
      return false;
    }
  }
}
