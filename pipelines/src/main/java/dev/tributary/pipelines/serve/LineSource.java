package dev.tributary.pipelines.serve;

import java.io.Closeable;
import java.io.IOException;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Where the lines {@link LineServer} sends come from. */
interface LineSource extends Closeable {
  /** The next line's bytes without a terminator, or null when there are no more; may block to read. */
  byte @Nullable [] next() throws IOException;

  /** What is served, for the start-up message: {@code numbered lines}, {@code 2 files}, {@code stdin}. */
  String description();
}
