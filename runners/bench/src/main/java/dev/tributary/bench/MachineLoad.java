package dev.tributary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load averages, from /proc/loadavg (Linux); the benchmark records them with its figures. */
final class MachineLoad {
  private MachineLoad() {}

  /** "1-min 5-min 15-min", or "?" where /proc/loadavg cannot be read. */
  static String averages() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** The 1-minute load average, or NaN. */
  static double oneMinute() {
    try {
      return Double.parseDouble(averages().split(" ")[0]);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
