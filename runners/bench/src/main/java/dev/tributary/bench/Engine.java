package dev.tributary.bench;

import dev.tributary.bench.engines.BeamLogJob;
import dev.tributary.bench.engines.LogJob;
import dev.tributary.bench.engines.NativeSparkJob;
import dev.tributary.bench.engines.PlainLoopJob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The engines the benchmark times, each run in a JVM of its own. */
public enum Engine {
  LOOP("loop", "plain Java loop (1 thread)", extra -> new PlainLoopJob()),
  DIRECT("direct", "Beam Direct runner", extra -> beam(extra, "--runner=DirectRunner")),
  /** Not run by default: the Direct runner with its immutability and encodability checks off, for comparison. */
  DIRECT_UNCHECKED(
      "direct-unchecked",
      "Beam Direct runner, checks off",
      extra -> beam(extra, "--runner=DirectRunner", "--enforceImmutability=false", "--enforceEncodability=false")),
  FLINK("flink", "Beam Flink runner, embedded, p=2", extra -> beam(extra, "--runner=FlinkRunner", "--parallelism=2")),
  SPARK("spark", "Beam Spark runner, local[2]", extra -> beam(extra, "--runner=SparkRunner", "--sparkMaster=local[2]")),
  SPARK_NATIVE(
      "spark-native",
      "native Spark Structured Streaming, local[2]",
      extra -> new NativeSparkJob(extra.length > 0 ? Integer.parseInt(extra[0]) : NativeSparkJob.DEFAULT_SHUFFLE_PARTITIONS));

  static final List<Engine> DEFAULT = List.of(LOOP, DIRECT, FLINK, SPARK, SPARK_NATIVE);

  private final String id;
  private final String label;
  private final Function<String[], LogJob> factory;

  Engine(String id, String label, Function<String[], LogJob> factory) {
    this.id = id;
    this.label = label;
    this.factory = factory;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** The job; {@code extra} are arguments given on the benchmark's command line for this engine. */
  LogJob job(String[] extra) {
    return factory.apply(extra);
  }

  static Engine byId(String id) {
    for (Engine e : values()) {
      if (e.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown engine '" + id + "'; engines: " + String.join(", ", Arrays.stream(values()).map(Engine::id).toList()));
  }

  private static LogJob beam(String[] extra, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(extra));
    return new BeamLogJob(all.toArray(new String[0]));
  }
}
