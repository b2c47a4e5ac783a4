package dev.tributary.transforms.joins;

import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One row of the static players table ({@code players.csv}: {@code name,age}). */
public final class Player {
  private final String name;
  private final int age;

  public Player(String name, int age) {
    this.name = Objects.requireNonNull(name, "name");
    this.age = age;
  }

  /** The join key; unique in the table. */
  public String getName() {
    return name;
  }

  /** Never negative. */
  public int getAge() {
    return age;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Player && name.equals(((Player) o).name) && age == ((Player) o).age;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, age);
  }

  @Override
  public String toString() {
    return "Player{name=" + name + ", age=" + age + "}";
  }
}
