package dev.tributary.pipelines.serve;

import java.nio.charset.StandardCharsets;

/** {@code This is line 1}, {@code This is line 2}, ... without end, like the seeds' TCP server. */
final class NumberedLines implements LineSource {
  private long number;

  @Override
  public byte[] next() {
    number++;
    return ("This is line " + number).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String description() {
    return "numbered lines";
  }

  @Override
  public void close() {}
}
