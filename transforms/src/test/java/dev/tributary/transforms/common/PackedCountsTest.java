package dev.tributary.transforms.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class PackedCountsTest {
  @Test
  void addsItsCountsToTotals() {
    Map<String, Long> totals = new HashMap<>(Map.of("/a", 1L));
    PackedCounts.pack(cells("/a", 2, "/ü/ñ", 300, "", 1)).addTo(totals);
    assertEquals(Map.of("/a", 3L, "/ü/ñ", 300L, "", 1L), totals);
  }

  @Test
  void keepsLargeCountsAndLongKeys() {
    String longKey = "/x".repeat(5000);
    Map<String, Long> totals = new HashMap<>();
    PackedCounts.pack(cells(longKey, Long.MAX_VALUE)).addTo(totals);
    assertEquals(Map.of(longKey, Long.MAX_VALUE), totals);
  }

  @Test
  void anEmptyTableAddsNothing() {
    Map<String, Long> totals = new HashMap<>();
    PackedCounts.pack(Map.of()).addTo(totals);
    assertEquals(Map.of(), totals);
  }

  @Test
  void coderRoundTripsTheBytes() throws Exception {
    PackedCounts table = PackedCounts.pack(cells("/a", 2, "/b", 7));
    byte[] encoded = CoderUtils.encodeToByteArray(PackedCountsCoder.of(), table);
    assertEquals(table, CoderUtils.decodeFromByteArray(PackedCountsCoder.of(), encoded));
  }

  /** Pairs of key and count, as {@link BundleCountTables} keeps them. */
  private static Map<String, long[]> cells(Object... keysAndCounts) {
    Map<String, long[]> cells = new LinkedHashMap<>();
    for (int i = 0; i < keysAndCounts.length; i += 2) {
      cells.put((String) keysAndCounts[i], new long[] {((Number) keysAndCounts[i + 1]).longValue()});
    }
    return cells;
  }
}
