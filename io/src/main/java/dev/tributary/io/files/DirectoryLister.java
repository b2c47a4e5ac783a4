package dev.tributary.io.files;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Lists a file pattern and picks the next files to read: new, not hidden, oldest first. */
final class DirectoryLister {
  private static final Comparator<MatchResult.Metadata> OLDEST_FIRST =
      Comparator.comparingLong(MatchResult.Metadata::lastModifiedMillis)
          .thenComparing(metadata -> metadata.resourceId().toString());

  private final String filepattern;

  DirectoryLister(String filepattern) {
    this.filepattern = filepattern;
  }

  /**
   * Turns what a user passed to {@code from} into a pattern for {@link FileSystems#match}: globs stay
   * as they are, anything else names a directory whose direct children are wanted.
   */
  static String toFilepattern(String directoryOrGlob) {
    if (FileSystems.hasGlobWildcard(directoryOrGlob)) {
      return directoryOrGlob;
    }
    return directoryOrGlob.endsWith("/") ? directoryOrGlob + "*" : directoryOrGlob + "/*";
  }

  /**
   * Spark's convention for files still being written, or owned by other tools (such as {@code
   * _SUCCESS} markers), which also keeps editors' and writers' temporary files out.
   */
  static boolean isHidden(@Nullable String filename) {
    return filename == null
        || filename.isEmpty()
        || filename.startsWith(".")
        || filename.startsWith("_");
  }

  /**
   * Returns the full paths of at most {@code max} matching files that are neither hidden nor {@code
   * known}, by last-modified time and then path.
   *
   * @throws IOException if the file system could not list the pattern
   */
  List<String> listNew(Predicate<String> known, int max) throws IOException {
    // ALLOW: a directory that is empty, or not created yet, is a normal state for a watched directory.
    MatchResult match = FileSystems.match(filepattern, EmptyMatchTreatment.ALLOW);
    List<MatchResult.Metadata> candidates = new ArrayList<>();
    for (MatchResult.Metadata metadata : match.metadata()) {
      if (metadata.resourceId().isDirectory()
          || isHidden(metadata.resourceId().getFilename())
          || known.test(metadata.resourceId().toString())) {
        continue;
      }
      candidates.add(metadata);
    }
    candidates.sort(OLDEST_FIRST);
    List<String> paths = new ArrayList<>(Math.min(max, candidates.size()));
    for (MatchResult.Metadata metadata : candidates.subList(0, Math.min(max, candidates.size()))) {
      paths.add(metadata.resourceId().toString());
    }
    return paths;
  }

  String filepattern() {
    return filepattern;
  }
}
