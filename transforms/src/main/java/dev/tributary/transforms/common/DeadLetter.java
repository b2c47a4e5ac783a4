package dev.tributary.transforms.common;

import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/** An input that a step could not use, kept whole together with the reason it was rejected. */
public final class DeadLetter {
  private final String input;
  private final String reason;

  public DeadLetter(String input, String reason) {
    this.input = Objects.requireNonNull(input, "input");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public String getInput() {
    return input;
  }

  public String getReason() {
    return reason;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DeadLetter
        && input.equals(((DeadLetter) o).input)
        && reason.equals(((DeadLetter) o).reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(input, reason);
  }

  @Override
  public String toString() {
    return "DeadLetter{reason=" + reason + ", input=" + input + "}";
  }
}
