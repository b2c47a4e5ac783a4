package dev.tributary.transforms.events;

import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/** One JSON activity event: {@code activity_count} activities of {@code activity_type} at {@code activity_time}. */
public final class ActivityEvent {
  private final String type;
  private final Instant time;
  private final int count;

  public ActivityEvent(String type, Instant time, int count) {
    this.type = Objects.requireNonNull(type, "type");
    this.time = Objects.requireNonNull(time, "time");
    this.count = count;
  }

  /** {@code activity_type}, trimmed, as written (case kept). */
  public String getType() {
    return type;
  }

  /** {@code activity_time}, see {@link EventTimes} for the forms read. */
  public Instant getTime() {
    return time;
  }

  /** {@code activity_count}, never negative. */
  public int getCount() {
    return count;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ActivityEvent)) {
      return false;
    }
    ActivityEvent that = (ActivityEvent) o;
    return count == that.count && type.equals(that.type) && time.equals(that.time);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, time, count);
  }

  @Override
  public String toString() {
    return "ActivityEvent{type=" + type + ", time=" + time + ", count=" + count + "}";
  }
}
