package dev.tributary.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  @Test
  void defaultsRunEveryEngineOnTwoMillionLines() {
    BenchOptions o = BenchOptions.parse(new String[0]);
    assertEquals(2_000_000, o.lines);
    assertEquals(List.of(Engine.LOOP, Engine.DIRECT, Engine.FLINK, Engine.SPARK, Engine.SPARK_NATIVE), o.engines);
    assertEquals("3g", o.heap);
    assertEquals(100_000, o.warmupLines);
  }

  @Test
  void theLoopAlwaysRunsFirstAsTheReference() {
    BenchOptions o = BenchOptions.parse(new String[] {"--engines=flink,loop,spark", "--lines=1_000"});
    assertEquals(List.of(Engine.LOOP, Engine.FLINK, Engine.SPARK), o.engines);
    assertEquals(1_000, o.lines);
  }

  @Test
  void engineArgumentsGoToTheirEngine() {
    BenchOptions o = BenchOptions.parse(new String[] {"--args:flink=--objectReuse=true --maxBundleSize=10"});
    assertEquals(List.of("--objectReuse=true", "--maxBundleSize=10"), o.extraArgs(Engine.FLINK));
    assertEquals(List.of(), o.extraArgs(Engine.SPARK));
  }

  @Test
  void mistakesAreOneReadableLine() {
    assertEquals(
        "--lines=abc is not a whole number",
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--lines=abc"})).getMessage());
    assertEquals(
        "--lines must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--lines=0"})).getMessage());
    assertEquals(
        "unknown engine 'storm'; engines: loop, direct, direct-unchecked, flink, spark, spark-native",
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--engines=storm"}))
            .getMessage());
    assertEquals(
        "unknown option --line; see --help",
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--line=5"})).getMessage());
  }
}
