package dev.tributary.pipelines.common;

import org.checkerframework.checker.nullness.qual.Nullable;

/** A {@code tcp://host:port} input. */
public record HostAndPort(String host, int port) {
  /** The socket an input names, or null when it is not a {@code tcp://} input. */
  public static @Nullable HostAndPort parse(@Nullable String input) {
    if (input == null || !input.startsWith("tcp://")) {
      return null;
    }
    String rest = input.substring("tcp://".length());
    int colon = rest.lastIndexOf(':');
    try {
      int port = Integer.parseInt(rest.substring(colon + 1));
      if (colon <= 0 || port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return new HostAndPort(rest.substring(0, colon), port);
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("--input=" + input + " is not tcp://host:port");
    }
  }

  @Override
  public String toString() {
    return "tcp://" + host + ":" + port;
  }
}
