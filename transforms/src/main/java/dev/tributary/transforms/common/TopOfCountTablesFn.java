package dev.tributary.transforms.common;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.values.KV;

/**
 * Adds up count tables and keeps the {@code n} most frequent keys, ranked as {@link TopCountsFn} does (count
 * descending, then key ascending): {@link TopCountsFn} for input that was already counted in part, such as
 * the tables of {@link CountWithinBundles}.
 */
public final class TopOfCountTablesFn<K extends Comparable<? super K>>
    extends CombineFn<Map<K, Long>, Map<K, Long>, List<KV<K, Long>>> {
  private static final long serialVersionUID = 1L;
  private final TopCountsFn<K> top;
  private final MergeCountTablesFn<K> merge = MergeCountTablesFn.create();

  public static <K extends Comparable<? super K>> TopOfCountTablesFn<K> of(int n) {
    return new TopOfCountTablesFn<K>(TopCountsFn.<K>of(n));
  }

  private TopOfCountTablesFn(TopCountsFn<K> top) {
    this.top = top;
  }

  @Override
  public Map<K, Long> createAccumulator() {
    return merge.createAccumulator();
  }

  @Override
  public Map<K, Long> addInput(Map<K, Long> total, Map<K, Long> table) {
    return merge.addInput(total, table);
  }

  @Override
  public Map<K, Long> mergeAccumulators(Iterable<Map<K, Long>> accumulators) {
    return merge.mergeAccumulators(accumulators);
  }

  @Override
  public List<KV<K, Long>> extractOutput(Map<K, Long> total) {
    return top.extractOutput(total);
  }

  @Override
  public Coder<Map<K, Long>> getAccumulatorCoder(CoderRegistry registry, Coder<Map<K, Long>> tableCoder)
      throws CannotProvideCoderException {
    return tableCoder;
  }

  @Override
  public Coder<List<KV<K, Long>>> getDefaultOutputCoder(
      CoderRegistry registry, Coder<Map<K, Long>> tableCoder) throws CannotProvideCoderException {
    if (tableCoder instanceof MapCoder<K, Long> mapCoder) {
      return ListCoder.of(KvCoder.of(mapCoder.getKeyCoder(), VarLongCoder.of()));
    }
    throw new CannotProvideCoderException("expected a MapCoder for the count tables, got " + tableCoder);
  }
}
