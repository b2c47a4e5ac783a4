package dev.tributary.transforms.words;

import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

class SplitWordsTest {
  private final TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);

  @Test
  void splitsOnAnyRunOfWhitespaceAndDropsEmptyWords() {
    PCollection<String> words =
        p.apply(Create.of("  to be\tor  not\n", "", "   ", "to\u2003be,\r\nthat"))
            .apply(SplitWords.create());

    PAssert.that(words).containsInAnyOrder("to", "be", "or", "not", "to", "be,", "that");
    p.run().waitUntilFinish();
  }

  @Test
  void keepsCaseAndPunctuationByDefault() {
    PCollection<String> words = p.apply(Create.of("Spark spark SPARK spark.")).apply(SplitWords.create());

    PAssert.that(words).containsInAnyOrder("Spark", "spark", "SPARK", "spark.");
    p.run().waitUntilFinish();
  }

  @Test
  void lowerCasesWhenAsked() {
    PCollection<String> words =
        p.apply(Create.of("Spark spark SPARK ISTANBUL")).apply(SplitWords.create().withLowerCase());

    // Locale.ROOT: the dotted/dotless i of a Turkish locale does not apply.
    PAssert.that(words).containsInAnyOrder("spark", "spark", "spark", "istanbul");
    p.run().waitUntilFinish();
  }
}
