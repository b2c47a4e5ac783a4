package dev.tributary.transforms.common;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;

/**
 * Counts occurrences of each key into one table. Used with a global combine, every firing carries the whole
 * table, which is what Spark's complete output mode shows; a per-key count would only carry the keys that
 * changed. Suited to small key sets such as HTTP statuses.
 */
public final class CountsByKeyFn<K> extends CombineFn<K, Map<K, Long>, Map<K, Long>> {
  private static final long serialVersionUID = 1L;

  public static <K> CountsByKeyFn<K> create() {
    return new CountsByKeyFn<>();
  }

  private CountsByKeyFn() {}

  @Override
  public Map<K, Long> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<K, Long> addInput(Map<K, Long> counts, K key) {
    counts.merge(key, 1L, Long::sum);
    return counts;
  }

  @Override
  public Map<K, Long> mergeAccumulators(Iterable<Map<K, Long>> accumulators) {
    Iterator<Map<K, Long>> it = accumulators.iterator();
    Map<K, Long> merged = it.next();
    while (it.hasNext()) {
      it.next().forEach((k, n) -> merged.merge(k, n, Long::sum));
    }
    return merged;
  }

  @Override
  public Map<K, Long> extractOutput(Map<K, Long> counts) {
    return counts;
  }

  @Override
  public Coder<Map<K, Long>> getAccumulatorCoder(CoderRegistry registry, Coder<K> keyCoder)
      throws CannotProvideCoderException {
    return MapCoder.of(keyCoder, VarLongCoder.of());
  }

  @Override
  public Coder<Map<K, Long>> getDefaultOutputCoder(CoderRegistry registry, Coder<K> keyCoder)
      throws CannotProvideCoderException {
    return MapCoder.of(keyCoder, VarLongCoder.of());
  }
}
