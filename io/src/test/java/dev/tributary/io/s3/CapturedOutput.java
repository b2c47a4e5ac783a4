package dev.tributary.io.s3;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies everything written to {@code System.out} and {@code System.err} (including slf4j-simple's log
 * lines, which go to the current {@code System.err}) while open, still passing it through.
 */
final class CapturedOutput implements AutoCloseable {
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  CapturedOutput() {
    System.setOut(new PrintStream(new Tee(originalOut, captured), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
  }

  String text() {
    System.out.flush();
    System.err.flush();
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.out.flush();
    System.err.flush();
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private static final class Tee extends OutputStream {
    private final OutputStream passThrough;
    private final ByteArrayOutputStream copy;

    Tee(OutputStream passThrough, ByteArrayOutputStream copy) {
      this.passThrough = passThrough;
      this.copy = copy;
    }

    @Override
    public void write(int b) {
      synchronized (copy) {
        copy.write(b);
      }
      try {
        passThrough.write(b);
      } catch (java.io.IOException e) {
        // The original stream is only a courtesy.
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (copy) {
        copy.write(b, off, len);
      }
      try {
        passThrough.write(b, off, len);
      } catch (java.io.IOException e) {
        // The original stream is only a courtesy.
      }
    }

    @Override
    public void flush() {
      try {
        passThrough.flush();
      } catch (java.io.IOException e) {
        // The original stream is only a courtesy.
      }
    }
  }
}
