package dev.tributary.transforms.joins;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The two keyed inputs of a join, left and right, as one transform input:
 *
 * <pre>{@code
 * JoinSides.of(playsByPlayer, personsByName).apply("JoinPlaysAndPersons", JoinStreamsPerWindow.create())
 * }</pre>
 *
 * @param <K> the join key; its coder must be deterministic
 * @param <L> the left value
 * @param <R> the right value
 */
public final class JoinSides<K, L, R> implements PInput {
  private final TupleTag<KV<K, L>> leftTag = new TupleTag<>("left");
  private final TupleTag<KV<K, R>> rightTag = new TupleTag<>("right");
  private final PCollection<KV<K, L>> left;
  private final PCollection<KV<K, R>> right;

  public static <K, L, R> JoinSides<K, L, R> of(PCollection<KV<K, L>> left, PCollection<KV<K, R>> right) {
    if (left.getPipeline() != right.getPipeline()) {
      throw new IllegalArgumentException("the two sides of a join belong to different pipelines");
    }
    return new JoinSides<>(left, right);
  }

  private JoinSides(PCollection<KV<K, L>> left, PCollection<KV<K, R>> right) {
    this.left = left;
    this.right = right;
  }

  public PCollection<KV<K, L>> left() {
    return left;
  }

  public PCollection<KV<K, R>> right() {
    return right;
  }

  /** Applies {@code transform} to both sides, under {@code name}. */
  public <OutputT extends POutput> OutputT apply(
      String name, PTransform<? super JoinSides<K, L, R>, OutputT> transform) {
    return Pipeline.applyTransform(name, this, transform);
  }

  @Override
  public Pipeline getPipeline() {
    return left.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(leftTag, left, rightTag, right);
  }
}
