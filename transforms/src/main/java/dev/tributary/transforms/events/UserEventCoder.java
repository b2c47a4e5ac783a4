package dev.tributary.transforms.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** Encodes a {@link UserEvent} field by field: timestamp, user, event. Deterministic. */
public final class UserEventCoder extends AtomicCoder<UserEvent> {
  private static final UserEventCoder INSTANCE = new UserEventCoder();

  public static UserEventCoder of() {
    return INSTANCE;
  }

  private UserEventCoder() {}

  @Override
  public void encode(UserEvent event, OutputStream out) throws IOException {
    InstantCoder.of().encode(event.getTimestamp(), out);
    VarIntCoder.of().encode(event.getUserId(), out);
    StringUtf8Coder.of().encode(event.getEvent(), out);
  }

  @Override
  public UserEvent decode(InputStream in) throws IOException {
    return new UserEvent(
        InstantCoder.of().decode(in), VarIntCoder.of().decode(in), StringUtf8Coder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
