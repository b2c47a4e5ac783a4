package dev.tributary.transforms.sliding;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine.CombineFn;

/**
 * Merges every contribution to one pane (the pane entering, the pane leaving, and the markers of panes still
 * inside) into that pane's single {@link PaneDelta}.
 */
final class MergeDeltasFn<K> extends CombineFn<PaneDelta<K>, PaneDelta<K>, PaneDelta<K>> {
  private static final long serialVersionUID = 1L;
  private final Coder<K> keyCoder;

  MergeDeltasFn(Coder<K> keyCoder) {
    this.keyCoder = keyCoder;
  }

  @Override
  public PaneDelta<K> createAccumulator() {
    return PaneDelta.empty();
  }

  @Override
  public PaneDelta<K> addInput(PaneDelta<K> accumulator, PaneDelta<K> contribution) {
    return accumulator.absorb(contribution);
  }

  /**
   * Merges into a new accumulator: one decoded by a runner may hold an immutable map ({@code MapCoder}
   * decodes an empty map as {@code Collections.emptyMap()}, which Flink's batch combine hands over).
   */
  @Override
  public PaneDelta<K> mergeAccumulators(Iterable<PaneDelta<K>> accumulators) {
    PaneDelta<K> merged = PaneDelta.empty();
    for (PaneDelta<K> accumulator : accumulators) {
      merged.absorb(accumulator);
    }
    return merged;
  }

  @Override
  public PaneDelta<K> extractOutput(PaneDelta<K> accumulator) {
    return accumulator;
  }

  @Override
  public Coder<PaneDelta<K>> getAccumulatorCoder(CoderRegistry registry, Coder<PaneDelta<K>> inputCoder) {
    return PaneDeltaCoder.of(keyCoder);
  }

  @Override
  public Coder<PaneDelta<K>> getDefaultOutputCoder(
      CoderRegistry registry, Coder<PaneDelta<K>> inputCoder) {
    return PaneDeltaCoder.of(keyCoder);
  }
}
