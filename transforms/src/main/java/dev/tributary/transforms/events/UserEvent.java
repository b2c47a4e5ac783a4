package dev.tributary.transforms.events;

import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/** One CSV user event: user {@code userId} did {@code event} at {@code timestamp}. */
public final class UserEvent {
  /** The event types, in lower case. */
  public static final List<String> EVENTS = List.of("login", "logout", "purchase", "view");

  private final Instant timestamp;
  private final int userId;
  private final String event;

  public UserEvent(Instant timestamp, int userId, String event) {
    this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    this.userId = userId;
    this.event = Objects.requireNonNull(event, "event");
  }

  public Instant getTimestamp() {
    return timestamp;
  }

  /** Positive. */
  public int getUserId() {
    return userId;
  }

  /** One of {@link #EVENTS}. */
  public String getEvent() {
    return event;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof UserEvent)) {
      return false;
    }
    UserEvent that = (UserEvent) o;
    return userId == that.userId && timestamp.equals(that.timestamp) && event.equals(that.event);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timestamp, userId, event);
  }

  @Override
  public String toString() {
    return "UserEvent{timestamp=" + timestamp + ", userId=" + userId + ", event=" + event + "}";
  }
}
