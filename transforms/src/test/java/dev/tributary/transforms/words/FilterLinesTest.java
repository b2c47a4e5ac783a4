package dev.tributary.transforms.words;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

class FilterLinesTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void containingKeepsLinesWithTheTextAnywhereCaseSensitive() {
    PCollection<String> lines =
        p.apply(Create.of("an error here", "errors: 3", "ERROR upper", "all fine", "terror"))
            .apply(FilterLines.containing("error"));

    PAssert.that(lines).containsInAnyOrder("an error here", "errors: 3", "terror");
    p.run().waitUntilFinish();
  }

  @Test
  void longerThanKeepsLinesOfMoreCharacters() {
    PCollection<String> lines =
        p.apply(Create.of("", "four", "five!", "a b c", "\uD83D\uDE00".repeat(3), "hello world"))
            .apply(FilterLines.longerThan(4));

    // Three emoji are six UTF-16 chars but three characters: dropped.
    PAssert.that(lines).containsInAnyOrder("five!", "a b c", "hello world");
    p.run().waitUntilFinish();
  }

  @Test
  void rejectsMeaninglessFilters() {
    assertThrows(IllegalArgumentException.class, () -> FilterLines.containing(""));
    assertThrows(IllegalArgumentException.class, () -> FilterLines.longerThan(-1));
  }
}
