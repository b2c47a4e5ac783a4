package dev.tributary.transforms.modes;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputModeTest {
  @Test
  void parsesSparkNamesInAnyCase() {
    assertEquals(OutputMode.APPEND, OutputMode.parse("append"));
    assertEquals(OutputMode.UPDATE, OutputMode.parse(" Update "));
    assertEquals(OutputMode.COMPLETE, OutputMode.parse("COMPLETE"));
    assertEquals("complete", OutputMode.COMPLETE.toString());
  }

  @Test
  void rejectsUnknownNames() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OutputMode.parse("full"));
    assertEquals("output mode 'full' is not one of append, update, complete", e.getMessage());
  }

  @Test
  void completeWithoutAggregationIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, OutputMode.COMPLETE::checkNoAggregation);
    assertTrue(e.getMessage().startsWith("complete output mode needs an aggregation"), e.getMessage());
    assertTrue(e.getMessage().contains("no streaming aggregations"), e.getMessage());
  }

  @Test
  void appendAndUpdateWithoutAggregationAreAccepted() {
    assertDoesNotThrow(OutputMode.APPEND::checkNoAggregation);
    assertDoesNotThrow(OutputMode.UPDATE::checkNoAggregation);
  }

  @Test
  void appendAggregationWithoutEventTimeWindowsIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OutputMode.APPEND.checkAggregation(false));
    assertTrue(e.getMessage().contains("without watermark"), e.getMessage());
  }

  @Test
  void everyModeAcceptsAnAggregationOverEventTimeWindows() {
    for (OutputMode mode : OutputMode.values()) {
      assertDoesNotThrow(() -> mode.checkAggregation(true));
    }
    assertDoesNotThrow(() -> OutputMode.UPDATE.checkAggregation(false));
    assertDoesNotThrow(() -> OutputMode.COMPLETE.checkAggregation(false));
  }
}
