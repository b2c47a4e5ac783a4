package dev.tributary.transforms.sliding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** {@link MergeDeltasFn} with accumulators as runners hand them over: encoded, then decoded. */
class MergeDeltasFnTest {
  private final MergeDeltasFn<String> fn = new MergeDeltasFn<>(StringUtf8Coder.of());
  private final PaneDeltaCoder<String> coder = PaneDeltaCoder.of(StringUtf8Coder.of());

  /** A decoded empty change is an immutable map (Flink's batch combine merged into one and failed). */
  @Test
  void mergesDecodedAccumulatorsWhateverTheirMaps() throws Exception {
    PaneDelta<String> marker = fn.addInput(fn.createAccumulator(), PaneDelta.marker());
    PaneDelta<String> entering = fn.addInput(fn.createAccumulator(), PaneDelta.entering(Map.of("a", 2L)));
    PaneDelta<String> leaving =
        fn.addInput(fn.createAccumulator(), PaneDelta.leaving(Map.of("a", 1L, "b", 3L)));

    PaneDelta<String> merged =
        fn.mergeAccumulators(List.of(decoded(marker), decoded(entering), decoded(leaving)));

    assertEquals(Map.of("a", 1L, "b", -3L), merged.getChange());
    assertEquals(true, merged.continuesRun());
    // The inputs are left as they were.
    assertEquals(Map.of("a", 2L), entering.getChange());
  }

  @Test
  void changesThatCancelOutLeaveNoKey() throws Exception {
    PaneDelta<String> entering = fn.addInput(fn.createAccumulator(), PaneDelta.entering(Map.of("a", 2L)));
    PaneDelta<String> leaving = fn.addInput(fn.createAccumulator(), PaneDelta.leaving(Map.of("a", 2L)));

    PaneDelta<String> merged = fn.mergeAccumulators(List.of(decoded(leaving), decoded(entering)));

    assertEquals(Map.of(), merged.getChange());
    assertEquals(true, merged.continuesRun());
    assertEquals(merged, decoded(merged));
  }

  private PaneDelta<String> decoded(PaneDelta<String> delta) throws Exception {
    return CoderUtils.clone(coder, delta);
  }
}
