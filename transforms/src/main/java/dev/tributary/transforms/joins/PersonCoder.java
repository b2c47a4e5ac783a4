package dev.tributary.transforms.joins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** Encodes a {@link Person} as its person then city. Deterministic. */
public final class PersonCoder extends AtomicCoder<Person> {
  private static final PersonCoder INSTANCE = new PersonCoder();

  public static PersonCoder of() {
    return INSTANCE;
  }

  private PersonCoder() {}

  @Override
  public void encode(Person value, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(value.getPerson(), out);
    StringUtf8Coder.of().encode(value.getCity(), out);
  }

  @Override
  public Person decode(InputStream in) throws IOException {
    return new Person(StringUtf8Coder.of().decode(in), StringUtf8Coder.of().decode(in));
  }

  @Override
  public void verifyDeterministic() {}
}
