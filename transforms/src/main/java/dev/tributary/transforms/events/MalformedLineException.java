package dev.tributary.transforms.events;

/**
 * Thrown by a {@link LineParser} for a line that is not a record; the message is the reason, which ends up
 * in the line's dead letter.
 *
 * <p>Reasons are short and fixed (they name the field and the rule, not the value), so dead letters can be
 * counted per reason. Bad lines are routine in real inputs, so the exception skips the stack trace.
 */
public final class MalformedLineException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MalformedLineException(String reason) {
    super(reason);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
