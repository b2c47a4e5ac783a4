package dev.tributary.transforms.sliding;

import dev.tributary.transforms.common.TopCountsFn;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.values.KV;

/** What {@link SumPanesPerSlidingWindow} emits for a window, made from the window's running count table. */
interface WindowSummary<K, OutputT> extends Serializable {
  /** Must not keep or change {@code table}: it is the live running table. */
  OutputT summarize(Map<K, Long> table);

  Coder<OutputT> coder(Coder<K> keyCoder);

  /** The whole table, copied. O(keys in the window). */
  static <K> WindowSummary<K, Map<K, Long>> wholeTable() {
    return new WholeTable<>();
  }

  /** The {@code n} highest counts, count descending then key ascending. O(keys in the window · log n). */
  static <K extends Comparable<? super K>> WindowSummary<K, List<KV<K, Long>>> top(int n) {
    return new Top<>(n);
  }

  final class WholeTable<K> implements WindowSummary<K, Map<K, Long>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Map<K, Long> summarize(Map<K, Long> table) {
      return new HashMap<>(table);
    }

    @Override
    public Coder<Map<K, Long>> coder(Coder<K> keyCoder) {
      return MapCoder.of(keyCoder, VarLongCoder.of());
    }
  }

  final class Top<K extends Comparable<? super K>> implements WindowSummary<K, List<KV<K, Long>>> {
    private static final long serialVersionUID = 1L;
    private final int n;

    Top(int n) {
      this.n = n;
    }

    @Override
    public List<KV<K, Long>> summarize(Map<K, Long> table) {
      Comparator<Map.Entry<K, Long>> ranking =
          Comparator.<Map.Entry<K, Long>, Long>comparing(Map.Entry::getValue)
              .reversed()
              .thenComparing(Map.Entry::getKey);
      // The worst of the best n so far at the head.
      PriorityQueue<Map.Entry<K, Long>> best = new PriorityQueue<>(n + 1, ranking.reversed());
      for (Map.Entry<K, Long> entry : table.entrySet()) {
        if (best.size() < n) {
          best.add(entry);
        } else if (ranking.compare(entry, best.peek()) < 0) {
          best.poll();
          best.add(entry);
        }
      }
      List<KV<K, Long>> ranked = new ArrayList<>(best.size());
      for (Map.Entry<K, Long> entry : best) {
        ranked.add(KV.of(entry.getKey(), entry.getValue()));
      }
      ranked.sort(TopCountsFn.ranking());
      return ranked;
    }

    @Override
    public Coder<List<KV<K, Long>>> coder(Coder<K> keyCoder) {
      return ListCoder.of(KvCoder.of(keyCoder, VarLongCoder.of()));
    }
  }
}
