package dev.tributary.transforms.sliding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The inverse-reduce core without Beam: deltas built as the pipeline builds them, fed in every kind of
 * order, must give exactly the tables obtained by summing each window's panes.
 */
class RunningTablesTest {
  private static final long SLIDE = 1000;

  @Test
  void deltasInOrderGiveEveryWindowsTable() {
    for (int seed = 0; seed < 20; seed++) {
      checkAgainstBruteForce(seed, 5, false);
    }
  }

  @Test
  void deltasInAnyOrderGiveTheSameTables() {
    for (int seed = 0; seed < 50; seed++) {
      checkAgainstBruteForce(seed, 1 + seed % 7, true);
    }
  }

  @Test
  void aWindowOfOnePaneIsATumblingCount() {
    checkAgainstBruteForce(7, 1, true);
  }

  @Test
  void twoDeltasForOneWindowAreRejected() {
    RunningTables<String> tables = fresh();
    tables.apply(PaneDelta.entering(Map.of("a", 1L)).pinnedTo(1000), (end, table) -> {});
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> tables.apply(PaneDelta.<String>marker().pinnedTo(1000), (end, table) -> {}));
    assertTrue(e.getMessage().contains("second delta"), e.getMessage());
  }

  @Test
  void aPaneLeavingAWindowItNeverEnteredIsRejected() {
    RunningTables<String> tables = fresh();
    tables.apply(PaneDelta.entering(Map.of("a", 1L)).pinnedTo(1000), (end, table) -> {});
    assertThrows(
        IllegalStateException.class,
        () -> tables.apply(PaneDelta.leaving(Map.of("b", 1L)).pinnedTo(2000), (end, table) -> {}));
  }

  private static RunningTables<String> fresh() {
    return new RunningTables<>(SLIDE, new HashMap<>(), RunningTables.Waiting.in(new HashMap<>()));
  }

  /**
   * Random pane tables over 60 panes with quiet stretches longer and shorter than the window, turned into
   * deltas exactly as the pipeline does, applied in order or shuffled.
   */
  private static void checkAgainstBruteForce(int seed, int m, boolean shuffle) {
    Random random = new Random(seed);
    int panes = 60;
    List<Map<String, Long>> paneTables = new ArrayList<>();
    for (int p = 0; p < panes; p++) {
      Map<String, Long> table = new HashMap<>();
      boolean quiet = (p / 9) % 3 == 1 || random.nextInt(4) == 0;
      if (!quiet) {
        int events = 1 + random.nextInt(6);
        for (int i = 0; i < events; i++) {
          table.merge("k" + random.nextInt(5), 1L, Long::sum);
        }
      }
      paneTables.add(table);
    }

    // What EnterAndLeaveFn emits and NetChangePerPane merges: one delta per pane end.
    Map<Long, PaneDelta<String>> merged = new TreeMap<>();
    for (int p = 0; p < panes; p++) {
      Map<String, Long> table = paneTables.get(p);
      if (table.isEmpty()) {
        continue;
      }
      long end = (p + 1) * SLIDE;
      // As DeltaPanes assigns them: the marker goes into the m - 1 panes after this one.
      merged.computeIfAbsent(end, e -> PaneDelta.empty()).absorb(PaneDelta.entering(table));
      for (int k = 1; k < m; k++) {
        merged.computeIfAbsent(end + k * SLIDE, e -> PaneDelta.empty()).absorb(PaneDelta.marker());
      }
      merged.computeIfAbsent(end + m * SLIDE, e -> PaneDelta.empty()).absorb(PaneDelta.leaving(table));
    }
    List<PaneDelta<String>> deltas = new ArrayList<>();
    merged.forEach((end, delta) -> deltas.add(delta.pinnedTo(end)));
    if (shuffle) {
      Collections.shuffle(deltas, random);
    }

    Map<Long, Map<String, Long>> runs = new HashMap<>();
    Map<Long, PaneDelta<String>> pending = new HashMap<>();
    Map<Long, Map<String, Long>> emitted = new TreeMap<>();
    for (PaneDelta<String> delta : deltas) {
      new RunningTables<>(SLIDE, runs, RunningTables.Waiting.in(pending))
          .apply(
              delta,
              (end, table) -> {
                Object previous = emitted.put(end, new HashMap<>(table));
                assertEquals(null, previous, "window ending at " + end + " emitted twice");
              });
    }

    Map<Long, Map<String, Long>> expected = new TreeMap<>();
    for (int last = 0; last < panes + m; last++) {
      Map<String, Long> window = new HashMap<>();
      for (int p = Math.max(0, last - m + 1); p <= last && p < panes; p++) {
        paneTables.get(p).forEach((k, n) -> window.merge(k, n, Long::sum));
      }
      if (!window.isEmpty()) {
        expected.put((last + 1) * SLIDE, window);
      }
    }
    assertEquals(expected, emitted, "seed " + seed + ", m " + m);
    assertTrue(runs.isEmpty(), "every run ended");
    assertTrue(pending.isEmpty(), "nothing left waiting");
  }
}
