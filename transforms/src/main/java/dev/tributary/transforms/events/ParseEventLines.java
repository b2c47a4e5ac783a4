package dev.tributary.transforms.events;

/**
 * The {@link ParseLines} transforms for the event inputs, each counting its lines in its own metrics
 * namespace (counters {@value ParseLines#PARSED}, {@value ParseLines#REJECTED}, {@value ParseLines#SKIPPED}).
 */
public final class ParseEventLines {
  public static final String ACTIVITY_NAMESPACE = "tributary.events.activity";
  public static final String ACTIONS_NAMESPACE = "tributary.events.actions";
  public static final String USER_EVENTS_NAMESPACE = "tributary.events.user_events";

  private ParseEventLines() {}

  /** JSON activity events, see {@link ActivityEventParser}. */
  public static ParseLines<ActivityEvent> activities() {
    return ParseLines.of(ActivityEventParser::parse, ActivityEventCoder.of())
        .withMetricsNamespace(ACTIVITY_NAMESPACE);
  }

  /** JSON {@code Open}/{@code Close} action events, see {@link ActionEventParser}. */
  public static ParseLines<ActionEvent> actions() {
    return ParseLines.of(ActionEventParser::parse, ActionEventCoder.of())
        .withMetricsNamespace(ACTIONS_NAMESPACE);
  }

  /** CSV user events {@code timestamp,user_id,event}, header skipped, see {@link UserEventParser}. */
  public static ParseLines<UserEvent> userEvents() {
    return ParseLines.of(UserEventParser::parse, UserEventCoder.of())
        .withMetricsNamespace(USER_EVENTS_NAMESPACE);
  }
}
