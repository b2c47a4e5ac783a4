package dev.tributary.bench.sliding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.joda.time.Duration;

/**
 * The command line of a benchmark: {@code --name=value} options it knows, and the rest for Beam. A mistake
 * is one line on stderr and exit status 2 ({@link #fail}); {@code --help} prints the usage and exits 0.
 */
final class BenchArgs {
  private final String program;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> beamArgs = new ArrayList<>();

  /** @param known the option names this benchmark reads; any other goes to Beam */
  BenchArgs(String program, String usage, List<String> known, String[] args) {
    this.program = program;
    for (String arg : args) {
      if (arg.equals("--help")) {
        System.out.println(usage);
        System.exit(0);
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        fail("expected --name=value, got '" + arg + "' (--help lists the options)");
      }
      String name = arg.substring(2, eq);
      if (known.contains(name)) {
        values.put(name, arg.substring(eq + 1));
      } else {
        beamArgs.add(arg);
      }
    }
    try {
      PipelineOptionsFactory.fromArgs(beamArgs.toArray(String[]::new)).create();
    } catch (IllegalArgumentException e) {
      fail("not a benchmark option nor a valid Beam option: " + firstLine(e.getMessage()));
    }
  }

  /** Fresh Beam options from the arguments the benchmark did not take. */
  PipelineOptions beamOptions(String... more) {
    List<String> all = new ArrayList<>(beamArgs);
    all.addAll(List.of(more));
    return PipelineOptionsFactory.fromArgs(all.toArray(String[]::new)).create();
  }

  List<String> beamArgs() {
    return beamArgs;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String string(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  long positive(String name, long defaultValue) {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      long n = Long.parseLong(v.replace("_", ""));
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    fail("--" + name + " must be a whole number of at least 1, got '" + v + "'");
    return 0;
  }

  double number(String name, double defaultValue) {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      fail("--" + name + " must be a number, got '" + v + "'");
      return 0;
    }
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}; positive. */
  Duration duration(String name, Duration defaultValue) {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    String t = v.trim().toLowerCase(Locale.ROOT);
    String[][] units = {{"ms", "1"}, {"s", "1000"}, {"m", "60000"}, {"h", "3600000"}};
    for (String[] unit : units) {
      if (t.endsWith(unit[0]) && t.length() > unit[0].length()) {
        String number = t.substring(0, t.length() - unit[0].length());
        if (number.chars().allMatch(Character::isDigit) && Long.parseLong(number) > 0) {
          return Duration.millis(Long.parseLong(number) * Long.parseLong(unit[1]));
        }
      }
    }
    fail("--" + name + " must be a positive duration such as 500ms, 30s, 5m or 1h, got '" + v + "'");
    return null;
  }

  /** {@code 300s}, {@code 500ms}: as the options are written. */
  static String show(Duration d) {
    long ms = d.getMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  /** One line on stderr, exit status 2. */
  void fail(String message) {
    System.err.println(program + ": " + message);
    System.exit(2);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
