package dev.tributary.transforms.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.values.KV;

/**
 * Counts keys and keeps the {@code n} most frequent, ordered by count descending, then key ascending so
 * that ties come out the same on every runner.
 *
 * <p>Counting and ranking happen in one combine on purpose: with accumulating panes, a later firing must
 * rank the whole window again. A count per key followed by a separate top-N would rank only the keys that
 * changed since the previous firing.
 */
public final class TopCountsFn<K extends Comparable<? super K>>
    extends CombineFn<K, Map<K, Long>, List<KV<K, Long>>> {
  private static final long serialVersionUID = 1L;
  private final int n;
  private final CountsByKeyFn<K> counts = CountsByKeyFn.create();

  public static <K extends Comparable<? super K>> TopCountsFn<K> of(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("top-N needs n >= 1, got " + n);
    }
    return new TopCountsFn<>(n);
  }

  private TopCountsFn(int n) {
    this.n = n;
  }

  /** Count descending, then key ascending. */
  public static <K extends Comparable<? super K>> Comparator<KV<K, Long>> ranking() {
    return Comparator.<KV<K, Long>, Long>comparing(KV::getValue)
        .reversed()
        .thenComparing(KV::getKey);
  }

  @Override
  public Map<K, Long> createAccumulator() {
    return counts.createAccumulator();
  }

  @Override
  public Map<K, Long> addInput(Map<K, Long> accumulator, K key) {
    return counts.addInput(accumulator, key);
  }

  @Override
  public Map<K, Long> mergeAccumulators(Iterable<Map<K, Long>> accumulators) {
    return counts.mergeAccumulators(accumulators);
  }

  @Override
  public List<KV<K, Long>> extractOutput(Map<K, Long> table) {
    List<KV<K, Long>> all = new ArrayList<>(table.size());
    table.forEach((k, c) -> all.add(KV.of(k, c)));
    all.sort(ranking());
    return new ArrayList<>(all.subList(0, Math.min(n, all.size())));
  }

  @Override
  public Coder<Map<K, Long>> getAccumulatorCoder(CoderRegistry registry, Coder<K> keyCoder)
      throws CannotProvideCoderException {
    return counts.getAccumulatorCoder(registry, keyCoder);
  }

  @Override
  public Coder<List<KV<K, Long>>> getDefaultOutputCoder(CoderRegistry registry, Coder<K> keyCoder)
      throws CannotProvideCoderException {
    return ListCoder.of(KvCoder.of(keyCoder, VarLongCoder.of()));
  }
}
