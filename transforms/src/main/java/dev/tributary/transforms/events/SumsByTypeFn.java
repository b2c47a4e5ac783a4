package dev.tributary.transforms.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.values.KV;

/**
 * Sums {@code activity_count} per activity type into one table, emitted as {@code (type, sum)} pairs ordered
 * by type. Sums are longs, so no realistic number of events overflows them.
 */
public final class SumsByTypeFn extends CombineFn<ActivityEvent, Map<String, Long>, List<KV<String, Long>>> {
  private static final long serialVersionUID = 1L;

  @Override
  public Map<String, Long> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<String, Long> addInput(Map<String, Long> sums, ActivityEvent event) {
    sums.merge(event.getType(), (long) event.getCount(), Long::sum);
    return sums;
  }

  @Override
  public Map<String, Long> mergeAccumulators(Iterable<Map<String, Long>> accumulators) {
    Iterator<Map<String, Long>> it = accumulators.iterator();
    Map<String, Long> merged = it.next();
    while (it.hasNext()) {
      it.next().forEach((type, sum) -> merged.merge(type, sum, Long::sum));
    }
    return merged;
  }

  @Override
  public List<KV<String, Long>> extractOutput(Map<String, Long> sums) {
    List<KV<String, Long>> rows = new ArrayList<>(sums.size());
    new TreeMap<>(sums).forEach((type, sum) -> rows.add(KV.of(type, sum)));
    return rows;
  }

  @Override
  public Coder<Map<String, Long>> getAccumulatorCoder(
      CoderRegistry registry, Coder<ActivityEvent> inputCoder) {
    return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
  }

  @Override
  public Coder<List<KV<String, Long>>> getDefaultOutputCoder(
      CoderRegistry registry, Coder<ActivityEvent> inputCoder) {
    return ListCoder.of(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }
}
