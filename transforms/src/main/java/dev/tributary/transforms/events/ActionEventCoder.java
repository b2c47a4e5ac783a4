package dev.tributary.transforms.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** Encodes an {@link ActionEvent} as its action then its time. Deterministic. */
public final class ActionEventCoder extends AtomicCoder<ActionEvent> {
  private static final ActionEventCoder INSTANCE = new ActionEventCoder();

  public static ActionEventCoder of() {
    return INSTANCE;
  }

  private ActionEventCoder() {}

  @Override
  public void encode(ActionEvent event, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(event.getAction(), out);
    InstantCoder.of().encode(event.getTime(), out);
  }

  @Override
  public ActionEvent decode(InputStream in) throws IOException {
    return new ActionEvent(StringUtf8Coder.of().decode(in), InstantCoder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
