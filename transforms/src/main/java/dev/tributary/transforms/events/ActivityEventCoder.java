package dev.tributary.transforms.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** Encodes an {@link ActivityEvent} field by field: type, time, count. Deterministic. */
public final class ActivityEventCoder extends AtomicCoder<ActivityEvent> {
  private static final ActivityEventCoder INSTANCE = new ActivityEventCoder();

  public static ActivityEventCoder of() {
    return INSTANCE;
  }

  private ActivityEventCoder() {}

  @Override
  public void encode(ActivityEvent event, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(event.getType(), out);
    InstantCoder.of().encode(event.getTime(), out);
    VarIntCoder.of().encode(event.getCount(), out);
  }

  @Override
  public ActivityEvent decode(InputStream in) throws IOException {
    return new ActivityEvent(
        StringUtf8Coder.of().decode(in), InstantCoder.of().decode(in), VarIntCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
