package dev.tributary.transforms.joins;

import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One line of the persons stream, {@code person,city}: where a person is. */
public final class Person {
  private final String person;
  private final String city;

  public Person(String person, String city) {
    this.person = Objects.requireNonNull(person, "person");
    this.city = Objects.requireNonNull(city, "city");
  }

  /** The join key. */
  public String getPerson() {
    return person;
  }

  public String getCity() {
    return city;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Person && person.equals(((Person) o).person) && city.equals(((Person) o).city);
  }

  @Override
  public int hashCode() {
    return Objects.hash(person, city);
  }

  @Override
  public String toString() {
    return "Person{person=" + person + ", city=" + city + "}";
  }
}
