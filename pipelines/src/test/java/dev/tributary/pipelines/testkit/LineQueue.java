package dev.tributary.pipelines.testkit;

import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;

/** An output stream that puts each line written to it on a queue, for a test to wait on a job's output. */
public final class LineQueue extends OutputStream {
  private final BlockingQueue<String> lines;
  private final StringBuilder current = new StringBuilder();

  public LineQueue(BlockingQueue<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      lines.add(current.toString());
      current.setLength(0);
    } else {
      current.append((char) b);
    }
  }
}
