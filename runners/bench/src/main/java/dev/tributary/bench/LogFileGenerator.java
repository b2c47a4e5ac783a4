package dev.tributary.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's input: Apache Combined-format access-log lines, the same bytes for the same seed
 * and line count.
 *
 * <p>The shape follows the product's {@code generate-logs} generator (Zipf-like endpoints and clients, a
 * status mix dominated by 200, {@code "-"} requests logged as 408, a few lines cut short) with a longer
 * endpoint catalogue, so that ranking the top 10 of a window has a real tail to cut, and a request rate
 * chosen so that the timestamps span {@code hours} hours whatever the line count. The logs carry a -0700
 * offset, so every engine has to convert to UTC the same way.
 */
public final class LogFileGenerator {
  /** Bumped whenever the output for a given seed changes, so that cached files are not reused. */
  static final int VERSION = 1;

  static final long START_EPOCH_MILLIS = Instant.parse("2024-06-01T12:00:00Z").toEpochMilli();
  private static final ZoneOffset OFFSET = ZoneOffset.ofHours(-7);
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
  private static final String[] PAGES = {
    "/", "/index.html", "/blog/", "/about", "/favicon.ico", "/css/site.css", "/js/app.js",
    "/images/logo.png", "/products", "/cart", "/checkout", "/login", "/logout", "/search?q=beam",
    "/search?q=spark", "/search?q=flink", "/api/v1/items", "/api/v1/orders", "/api/v1/health",
    "/docs/getting-started", "/docs/streaming", "/docs/windows", "/robots.txt", "/sitemap.xml", "/feed.xml",
    "/contact", "/wp-login.php", "/admin", "/images/banner.jpg", "/downloads/tributary-0.1.tar.gz",
    "/news/2024/06", "/news/2024/05", "/careers", "/terms", "/privacy", "/status"
  };
  private static final int[] STATUSES = {200, 304, 404, 301, 302, 500, 403, 503, 400};
  private static final double[] STATUS_WEIGHTS = {78, 9, 5, 2, 1.5, 1.5, 1.2, 0.8, 0.5};
  private static final String[] AGENTS = {
    "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "curl/8.5.0"
  };
  private static final double CUT_SHORT_SHARE = 0.001;
  private static final double NO_REQUEST_SHARE = 0.001;

  private final SplittableRandom random;
  private final double meanGapMillis;
  private final String[] endpoints = endpointCatalogue();
  private final double[] endpointCdf = zipfCdf(endpoints.length, 1.1);
  private final String[] hosts = hostCatalogue(5000);
  private final double[] hostCdf = zipfCdf(hosts.length, 0.9);
  private final double[] statusCdf = cdf(STATUS_WEIGHTS);
  private double nowMillis = START_EPOCH_MILLIS;
  private long formattedSecond = Long.MIN_VALUE;
  private String formattedTime = "";

  /**
   * @param lines how many lines will be written; with {@code hours} it sets the request rate
   * @param hours the span of the timestamps, start to end
   */
  public LogFileGenerator(long seed, long lines, double hours) {
    if (lines < 1 || hours <= 0) {
      throw new IllegalArgumentException("need at least one line and a positive span");
    }
    this.random = new SplittableRandom(seed);
    this.meanGapMillis = hours * 3_600_000d / lines;
  }

  /**
   * Writes {@code lines} lines to {@code file} (through a temporary file, so a file that exists is
   * complete).
   */
  public static void write(Path file, long seed, long lines, double hours) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
    LogFileGenerator generator = new LogFileGenerator(seed, lines, hours);
    try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.US_ASCII)) {
      generator.writeLines(out, lines);
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  void writeLines(Writer out, long lines) throws IOException {
    StringBuilder line = new StringBuilder(256);
    for (long i = 0; i < lines; i++) {
      line.setLength(0);
      nextLine(line);
      line.append('\n');
      out.append(line);
    }
  }

  /** Appends the next line, without a terminator. */
  void nextLine(StringBuilder line) {
    nowMillis += -Math.log(1 - random.nextDouble()) * meanGapMillis;
    int start = line.length();
    line.append(hosts[pick(hostCdf)]).append(" - - [").append(time((long) nowMillis)).append("] \"");
    int status = STATUSES[pick(statusCdf)];
    String size;
    if (random.nextDouble() < NO_REQUEST_SHARE) {
      line.append('-');
      status = 408;
      size = "-";
    } else {
      double m = random.nextDouble();
      String method = m < 0.9 ? "GET" : m < 0.98 ? "POST" : "HEAD";
      line.append(method).append(' ').append(endpoints[pick(endpointCdf)]).append(" HTTP/1.1");
      size = status == 304 || method.equals("HEAD")
          ? "-"
          : Long.toString(200 + (long) Math.exp(random.nextDouble() * 10));
    }
    line.append("\" ").append(status).append(' ').append(size).append(" \"");
    if (random.nextDouble() < 0.6) {
      line.append('-');
    } else {
      line.append("https://tributary.example").append(endpoints[pick(endpointCdf)]);
    }
    line.append("\" \"").append(AGENTS[random.nextInt(AGENTS.length)]).append('"');
    if (random.nextDouble() < CUT_SHORT_SHARE) {
      // A writer that crashed mid-line: anything from one character to half the line survives.
      int length = line.length() - start;
      line.setLength(start + 1 + random.nextInt(length / 2));
    }
  }

  /** {@code dd/MMM/yyyy:HH:mm:ss -0700}, formatted once per second since timestamps only grow. */
  private String time(long epochMillis) {
    long second = Math.floorDiv(epochMillis, 1000);
    if (second != formattedSecond) {
      LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, OFFSET);
      formattedTime =
          two(t.getDayOfMonth()) + "/" + MONTHS[t.getMonthValue() - 1] + "/" + t.getYear() + ":"
              + two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond()) + " -0700";
      formattedSecond = second;
    }
    return formattedTime;
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private int pick(double[] cumulative) {
    double u = random.nextDouble();
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Site pages first (the most requested), then a long tail of product and blog pages. */
  private static String[] endpointCatalogue() {
    List<String> all = new ArrayList<>(List.of(PAGES));
    for (int i = 0; i < 1500; i++) {
      all.add("/products/" + (1000 + (i * 7919) % 9000));
      if (i % 3 == 0) {
        all.add("/blog/" + (2015 + i % 10) + "/post-" + i);
      }
    }
    return all.toArray(new String[0]);
  }

  private static String[] hostCatalogue(int n) {
    String[] hosts = new String[n];
    for (int i = 0; i < n; i++) {
      hosts[i] = "10." + (i / 250) + "." + (i % 250) + "." + (1 + (i * 37) % 254);
    }
    return hosts;
  }

  private static double[] zipfCdf(int n, double exponent) {
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      weights[i] = 1 / Math.pow(i + 1, exponent);
    }
    return cdf(weights);
  }

  private static double[] cdf(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] cumulative = new double[weights.length];
    double running = 0;
    for (int i = 0; i < weights.length; i++) {
      running += weights[i];
      cumulative[i] = running / total;
    }
    cumulative[weights.length - 1] = 1.0;
    return cumulative;
  }
}
