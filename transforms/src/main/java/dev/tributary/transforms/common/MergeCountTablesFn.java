package dev.tributary.transforms.common;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine.CombineFn;

/** Adds up count tables (such as the partial tables of {@link CountWithinBundles}) into one table. */
public final class MergeCountTablesFn<K> extends CombineFn<Map<K, Long>, Map<K, Long>, Map<K, Long>> {
  private static final long serialVersionUID = 1L;

  public static <K> MergeCountTablesFn<K> create() {
    return new MergeCountTablesFn<>();
  }

  private MergeCountTablesFn() {}

  @Override
  public Map<K, Long> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<K, Long> addInput(Map<K, Long> total, Map<K, Long> table) {
    table.forEach((k, n) -> total.merge(k, n, Long::sum));
    return total;
  }

  @Override
  public Map<K, Long> mergeAccumulators(Iterable<Map<K, Long>> accumulators) {
    Iterator<Map<K, Long>> it = accumulators.iterator();
    Map<K, Long> merged = it.next();
    while (it.hasNext()) {
      addInput(merged, it.next());
    }
    return merged;
  }

  @Override
  public Map<K, Long> extractOutput(Map<K, Long> total) {
    return total;
  }

  @Override
  public Coder<Map<K, Long>> getAccumulatorCoder(CoderRegistry registry, Coder<Map<K, Long>> tableCoder)
      throws CannotProvideCoderException {
    return tableCoder;
  }

  @Override
  public Coder<Map<K, Long>> getDefaultOutputCoder(CoderRegistry registry, Coder<Map<K, Long>> tableCoder)
      throws CannotProvideCoderException {
    return tableCoder;
  }
}
