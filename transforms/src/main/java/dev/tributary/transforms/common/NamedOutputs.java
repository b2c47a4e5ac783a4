package dev.tributary.transforms.common;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The result of a composite with several outputs (records and dead letters, say): Beam sees the outputs by
 * tag; a subclass gives each a getter with its own type.
 */
public abstract class NamedOutputs implements POutput {
  private final Pipeline pipeline;
  private final Map<TupleTag<?>, PValue> outputs;

  protected NamedOutputs(Pipeline pipeline, Map<TupleTag<?>, PValue> outputs) {
    this.pipeline = pipeline;
    this.outputs = Map.copyOf(outputs);
  }

  @Override
  public final Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public final Map<TupleTag<?>, PValue> expand() {
    return outputs;
  }

  @Override
  public final void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
