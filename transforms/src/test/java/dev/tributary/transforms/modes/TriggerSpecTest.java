package dev.tributary.transforms.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TriggerSpecTest {
  @Test
  void parsesTheFourSparkTriggers() {
    assertEquals(TriggerSpec.defaultTrigger(), TriggerSpec.parse("default"));
    assertEquals(TriggerSpec.once(), TriggerSpec.parse("once"));
    assertEquals(TriggerSpec.availableNow(), TriggerSpec.parse("availableNow"));
    assertEquals(
        TriggerSpec.processingTime(Duration.standardSeconds(5)), TriggerSpec.parse("processingTime=5s"));
    assertEquals(
        TriggerSpec.processingTime(Duration.millis(500)), TriggerSpec.parse("processingtime = 500ms"));
    assertEquals(
        TriggerSpec.processingTime(Duration.standardMinutes(2)), TriggerSpec.parse("processingTime=2m"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "default", "processingTime=5s", "processingTime=1500ms", "processingTime=1h", "once", "availableNow"
      })
  void printsWhatItParses(String spec) {
    assertEquals(spec, TriggerSpec.parse(spec).toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "sometimes", "processingTime", "processingTime=", "processingTime=5", "processingTime=5x",
        "continuous=1s"
      })
  void rejectsAnythingElse(String spec) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TriggerSpec.parse(spec));
    assertTrue(e.getMessage().contains("is not one of default, processingTime=<duration>"), e.getMessage());
  }

  @Test
  void rejectsAZeroInterval() {
    assertThrows(IllegalArgumentException.class, () -> TriggerSpec.parse("processingTime=0s"));
  }

  @Test
  void mapsOntoBeamTriggers() {
    assertEquals(
        Repeatedly.forever(AfterPane.elementCountAtLeast(1)), TriggerSpec.defaultTrigger().toTrigger());
    assertEquals(
        Repeatedly.forever(
            AfterProcessingTime.pastFirstElementInPane().alignedTo(Duration.standardSeconds(5))),
        TriggerSpec.parse("processingTime=5s").toTrigger());
    assertEquals(AfterWatermark.pastEndOfWindow(), TriggerSpec.once().toTrigger());
    assertEquals(AfterWatermark.pastEndOfWindow(), TriggerSpec.availableNow().toTrigger());
    assertTrue(TriggerSpec.once().firesOnceAtEnd());
    assertFalse(TriggerSpec.defaultTrigger().firesOnceAtEnd());
  }
}
