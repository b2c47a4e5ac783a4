package dev.tributary.io.s3;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Pipeline options for S3 tests, built the way a user's command line is: Beam's test runner options
 * (the {@code beamTestPipelineOptions} property, so a runner profile still applies) followed by the S3
 * arguments, parsed and validated by {@link PipelineOptionsFactory}, then completed by {@link
 * TributaryS3#configure}.
 */
final class S3TestPipelines {
  private S3TestPipelines() {}

  static PipelineOptions options(List<String> s3Args) {
    PipelineOptionsFactory.register(TributaryS3Options.class);
    List<String> args = new ArrayList<>(runnerArgs());
    args.addAll(s3Args);
    PipelineOptions options = PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).withValidation().create();
    TributaryS3.configure(options);
    return options;
  }

  /** Options, registered as the file systems' defaults, as a runner does before reading. */
  static PipelineOptions registered(List<String> s3Args) {
    PipelineOptions options = options(s3Args);
    FileSystems.setDefaultPipelineOptions(options);
    return options;
  }

  static TestPipeline pipeline(PipelineOptions options) {
    return TestPipeline.fromOptions(options).enableAbandonedNodeEnforcement(false);
  }

  /**
   * The unbounded source behind a read transform, taken from a pipeline graph, so that a test can drive
   * its reader by hand, without a runner's timing.
   */
  static UnboundedSource<String, ?> unboundedSourceOf(
      PTransform<PBegin, PCollection<String>> read, PipelineOptions options) {
    Pipeline p = Pipeline.create(options);
    p.apply("Read", read);
    AtomicReference<UnboundedSource<String, ?>> found = new AtomicReference<>();
    p.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
            remember(node);
            return CompositeBehavior.ENTER_TRANSFORM;
          }

          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            remember(node);
          }

          @SuppressWarnings("unchecked")
          private void remember(TransformHierarchy.Node node) {
            if (node.getTransform() instanceof Read.Unbounded && found.get() == null) {
              found.set((UnboundedSource<String, ?>) ((Read.Unbounded<?>) node.getTransform()).getSource());
            }
          }
        });
    if (found.get() == null) {
      throw new IllegalStateException("no Read.Unbounded in " + read);
    }
    return found.get();
  }

  private static List<String> runnerArgs() {
    String json = System.getProperty("beamTestPipelineOptions");
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return Arrays.asList(new ObjectMapper().readValue(json, String[].class));
    } catch (IOException e) {
      throw new UncheckedIOException("bad beamTestPipelineOptions: " + json, e);
    }
  }
}
