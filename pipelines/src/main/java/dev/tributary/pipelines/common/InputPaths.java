package dev.tributary.pipelines.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/** Turns the {@code --input} option into a file pattern, checking up front that there is something to read. */
final class InputPaths {
  private InputPaths() {}

  /**
   * Returns the glob to read: {@code input} itself, or {@code input/*} when it names a directory. A batch
   * run needs at least one file; follow mode needs only the directory.
   */
  static String resolve(String input, boolean follow) {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("--input is empty; give a directory, file or glob");
    }
    String glob = input;
    if (isDirectory(input)) {
      glob = input.endsWith("/") ? input + "*" : input + "/*";
    } else if (follow) {
      throw new IllegalArgumentException(
          "--follow needs --input to be an existing directory; '" + input + "' is not one");
    }
    if (!follow && !hasWildcard(input) && !input.contains("://") && !Files.exists(Path.of(input))) {
      // Beam would search the parent directory's whole tree for a missing plain path; answer directly.
      throw new IllegalArgumentException("no input files found at --input=" + input + ": no such file or directory");
    }
    if (!follow && matchCount(input, glob) == 0) {
      throw new IllegalArgumentException("no input files found at --input=" + input);
    }
    if (follow && input.contains("://")) {
      // A remote prefix may hold no files yet, but its bucket must exist and answer with these credentials.
      matchCount(input, glob);
    }
    return glob;
  }

  /** Local paths are asked; for other file systems (s3://...) a trailing slash marks a directory. */
  private static boolean isDirectory(String input) {
    if (input.contains("://")) {
      return input.endsWith("/");
    }
    return !hasWildcard(input) && Files.isDirectory(Path.of(input));
  }

  private static boolean hasWildcard(String input) {
    return input.contains("*") || input.contains("?") || input.contains("[") || input.contains("{");
  }

  /**
   * How many files the glob matches. A listing that fails (a bucket that does not exist, credentials the
   * server refuses, a server that cannot be reached) is a usage error naming its cause.
   */
  private static int matchCount(String input, String glob) {
    try {
      MatchResult match = FileSystems.match(List.of(glob), EmptyMatchTreatment.ALLOW).get(0);
      if (match.status() == MatchResult.Status.ERROR) {
        match.metadata(); // throws the listing's error
      }
      return match.status() == MatchResult.Status.OK ? match.metadata().size() : 0;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot list --input=" + input + ": " + reason(e));
    }
  }

  /** The first message in the cause chain that says more than the name of the exception it wraps. */
  private static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null
        && t.getCause() != t
        && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.toString() : t.getMessage();
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
