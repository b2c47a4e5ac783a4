package dev.tributary.pipelines.hashtags;

import dev.tributary.transforms.words.SplitWords;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * The hashtags of each text: its words (split on whitespace by {@link SplitWords}) that start with {@code #}
 * and have something after it, as written (punctuation kept, like the seeds' {@code
 * filter(_.startsWith("#"))}). A lone {@code #} is not a hashtag, nor is {@code C#}. {@link
 * #withLowerCase()} makes {@code #Beam} and {@code #beam} one tag.
 */
public final class ExtractHashtags extends PTransform<PCollection<String>, PCollection<String>> {
  private final boolean lowerCase;

  public static ExtractHashtags create() {
    return new ExtractHashtags(false);
  }

  private ExtractHashtags(boolean lowerCase) {
    this.lowerCase = lowerCase;
  }

  public ExtractHashtags withLowerCase() {
    return new ExtractHashtags(true);
  }

  @Override
  public PCollection<String> expand(PCollection<String> texts) {
    return texts
        .apply("SplitWords", lowerCase ? SplitWords.create().withLowerCase() : SplitWords.create())
        .apply("KeepHashtags", Filter.by((String word) -> word.length() > 1 && word.charAt(0) == '#'));
  }
}
