package dev.tributary.transforms.common;

import java.io.IOException;
import java.io.Serializable;
import java.util.function.Consumer;

/**
 * The text lines an element stands for: the element itself when it is a line, or, say, the lines of a file
 * range that an IO step hands over unread. A step that consumes lines one by one can take any of these, so
 * that lines need not each become an element: every element a runner passes between steps costs it a copy
 * or a check.
 */
public interface LinesOf<I> extends Serializable {
  /** Gives each line of {@code element} to {@code each}, in order. */
  void forEach(I element, Consumer<String> each) throws IOException;

  /** Each element is one line. */
  static LinesOf<String> itself() {
    return (line, each) -> each.accept(line);
  }
}
