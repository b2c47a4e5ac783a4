package dev.tributary.pipelines.csv;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Rows of user events, {@code timestamp,user_id,event}, the same rows for the same seed: users drawn
 * uniformly from 1 to {@code users}, event types uniformly from {@code events}. Times are given by the
 * caller, so that a file's rows can be spread over the time it covers.
 */
final class UserEventGenerator {
  static final String HEADER = "timestamp,user_id,event";

  private final SplittableRandom random;
  private final int users;
  private final List<String> events;

  UserEventGenerator(long seed, int users, List<String> events) {
    this.random = new SplittableRandom(seed);
    this.users = users;
    this.events = List.copyOf(events);
  }

  /** One row at {@code time}, ISO-8601 UTC ({@code 2024-06-01T12:00:00.300Z}; no fraction on whole seconds). */
  String row(Instant time) {
    int user = 1 + random.nextInt(users);
    String event = events.get(random.nextInt(events.size()));
    return time + "," + user + "," + event;
  }
}
