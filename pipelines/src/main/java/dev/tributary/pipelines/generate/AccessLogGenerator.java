package dev.tributary.pipelines.generate;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes realistic Apache Combined-format access-log lines, the same lines for the same seed.
 *
 * <p>Endpoints and client hosts follow Zipf-like skew (a few pages and clients take most traffic);
 * statuses follow a typical mix dominated by 200, with 304s carrying a {@code -} size and rare {@code "-"}
 * requests logged as 408. Requests arrive as a Poisson process at the given rate. A small, configurable
 * share of lines is cut short, as a crashed writer leaves them, so that pipelines fed by the generator see
 * bad input too.
 */
public final class AccessLogGenerator {
  private static final String[] ENDPOINTS = {
    "/", "/index.html", "/blog/", "/about", "/favicon.ico", "/css/site.css", "/js/app.js",
    "/images/logo.png", "/products", "/products/1001", "/products/1002", "/products/1003", "/cart",
    "/checkout", "/login", "/logout", "/search?q=beam", "/search?q=spark", "/search?q=flink",
    "/api/v1/items", "/api/v1/items/42", "/api/v1/orders", "/api/v1/health", "/docs/getting-started",
    "/docs/streaming", "/docs/windows", "/robots.txt", "/sitemap.xml", "/feed.xml", "/contact",
    "/wp-login.php", "/admin", "/images/banner.jpg", "/downloads/tributary-0.1.tar.gz", "/news/2024/06",
    "/news/2024/05", "/careers", "/terms", "/privacy", "/status"
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
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  private final SplittableRandom random;
  private final double linesPerSecond;
  private final double cutShortShare;
  private final ZoneOffset offset;
  private final double[] endpointCdf = zipfCdf(ENDPOINTS.length, 1.1);
  private final double[] hostCdf = zipfCdf(500, 0.9);
  private final double[] statusCdf = cdf(STATUS_WEIGHTS);
  private long nowMillis;

  /**
   * @param startEpochMillis time of the first request
   * @param linesPerSecond mean request rate
   * @param cutShortShare share of lines (0 to 1) written cut short
   * @param offset UTC offset written in the timestamps
   */
  public AccessLogGenerator(
      long seed, long startEpochMillis, double linesPerSecond, double cutShortShare, ZoneOffset offset) {
    if (linesPerSecond <= 0) {
      throw new IllegalArgumentException("the rate must be positive, got " + linesPerSecond);
    }
    if (cutShortShare < 0 || cutShortShare > 1) {
      throw new IllegalArgumentException("the cut-short share must be between 0 and 1, got " + cutShortShare);
    }
    this.random = new SplittableRandom(seed);
    this.linesPerSecond = linesPerSecond;
    this.cutShortShare = cutShortShare;
    this.offset = offset;
    this.nowMillis = startEpochMillis;
  }

  /** The next line, without a line terminator. */
  public String nextLine() {
    nowMillis += Math.round(-Math.log(1 - random.nextDouble()) / linesPerSecond * 1000);
    String host = host(pick(hostCdf));
    String time = TIME.format(ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(nowMillis), offset));
    int status = STATUSES[pick(statusCdf)];
    String request;
    String size;
    if (random.nextDouble() < 0.001) {
      request = "-";
      status = 408;
      size = "-";
    } else {
      double m = random.nextDouble();
      String method = m < 0.9 ? "GET" : m < 0.98 ? "POST" : "HEAD";
      request = method + " " + ENDPOINTS[pick(endpointCdf)] + " HTTP/1.1";
      size = status == 304 || method.equals("HEAD") ? "-" : Long.toString(200 + (long) (Math.exp(random.nextDouble() * 10)));
    }
    String referer = random.nextDouble() < 0.6 ? "-" : "https://tributary.example" + ENDPOINTS[pick(endpointCdf)];
    String line =
        host + " - - [" + time + "] \"" + request + "\" " + status + " " + size + " \"" + referer + "\" \""
            + AGENTS[random.nextInt(AGENTS.length)] + "\"";
    if (random.nextDouble() < cutShortShare) {
      return line.substring(0, 1 + random.nextInt(line.length() / 2));
    }
    return line;
  }

  /** Time of the request most recently generated. */
  public long currentEpochMillis() {
    return nowMillis;
  }

  private String host(int i) {
    return "10." + (i / 250) + "." + (i % 250) + "." + (1 + (i * 37) % 254);
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
