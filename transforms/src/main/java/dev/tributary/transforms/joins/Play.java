package dev.tributary.transforms.joins;

import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One line of the plays stream, {@code player,score}: a player scored {@code score} points. */
public final class Play {
  private final String player;
  private final int score;

  public Play(String player, int score) {
    this.player = Objects.requireNonNull(player, "player");
    this.score = score;
  }

  /** The join key. */
  public String getPlayer() {
    return player;
  }

  public int getScore() {
    return score;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Play && player.equals(((Play) o).player) && score == ((Play) o).score;
  }

  @Override
  public int hashCode() {
    return Objects.hash(player, score);
  }

  @Override
  public String toString() {
    return "Play{player=" + player + ", score=" + score + "}";
  }
}
