package dev.tributary.transforms.logs;

/**
 * Thrown by {@link AccessLogParser} for a line it cannot read; the message is the reason.
 *
 * <p>Bad lines are routine in real logs, so the exception skips the stack trace, which would otherwise cost
 * more than parsing the line.
 */
public final class MalformedLogLineException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MalformedLogLineException(String reason) {
    super(reason);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
