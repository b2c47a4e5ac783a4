package dev.tributary.io.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.transforms.windowing.PaneInfo.Timing;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class WindowedFileNamesTest {
  private static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");
  private static final IntervalWindow WINDOW = new IntervalWindow(T0, Duration.standardSeconds(30));

  @Test
  void onlyFiringHasNoPaneIndex() {
    assertEquals("out-20240601T120000Z-20240601T120030Z",
        WindowedFileNames.baseName("out", WINDOW, PaneInfo.ON_TIME_AND_ONLY_FIRING));
  }

  @Test
  void everyFiringOfAWindowThatMayFireAgainIsNumbered() {
    assertEquals("out-20240601T120000Z-20240601T120030Z-0",
        WindowedFileNames.baseName("out", WINDOW, PaneInfo.createPane(true, false, Timing.EARLY, 0, -1)));
    // The last firing of a window that fired before is numbered too, so it never meets an unnumbered name.
    assertEquals("out-20240601T120000Z-20240601T120030Z-3",
        WindowedFileNames.baseName("out", WINDOW, PaneInfo.createPane(false, true, Timing.LATE, 3, 2)));
  }

  @Test
  void resultsSinceTheStartAreGlobal() {
    assertEquals("status-global", WindowedFileNames.baseName("status", null, PaneInfo.ON_TIME_AND_ONLY_FIRING));
    assertEquals("status-global-12",
        WindowedFileNames.baseName("status", null, PaneInfo.createPane(false, false, Timing.EARLY, 12, -1)));
  }

  @Test
  void millisecondsOnlyWhenThereAreSome() {
    assertEquals("20240601T120000Z", WindowedFileNames.compact(T0));
    assertEquals("20240601T120000.250Z", WindowedFileNames.compact(T0.plus(250)));
    assertEquals("19700101T000000Z", WindowedFileNames.compact(new Instant(0)));
  }
}
