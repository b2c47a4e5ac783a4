package dev.tributary.transforms.events;

import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/** One JSON action event: a device {@code Open} or {@code Close} at {@code time}. */
public final class ActionEvent {
  public static final String OPEN = "Open";
  public static final String CLOSE = "Close";

  private final String action;
  private final Instant time;

  public ActionEvent(String action, Instant time) {
    this.action = Objects.requireNonNull(action, "action");
    this.time = Objects.requireNonNull(time, "time");
  }

  /** {@value #OPEN} or {@value #CLOSE}. */
  public String getAction() {
    return action;
  }

  public Instant getTime() {
    return time;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ActionEvent
        && action.equals(((ActionEvent) o).action)
        && time.equals(((ActionEvent) o).time);
  }

  @Override
  public int hashCode() {
    return Objects.hash(action, time);
  }

  @Override
  public String toString() {
    return "ActionEvent{action=" + action + ", time=" + time + "}";
  }
}
