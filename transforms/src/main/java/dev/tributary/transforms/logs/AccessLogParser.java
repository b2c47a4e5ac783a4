package dev.tributary.transforms.logs;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.joda.time.Instant;

/**
 * Parses one access-log line in the Common or Combined Log Format, in a single left-to-right pass.
 *
 * <pre>host ident authuser [dd/MMM/yyyy:HH:mm:ss ±hhmm] "request" status size ["referer" "agent" ...]</pre>
 *
 * <p>Where this deliberately differs from the regular expressions of the Spark log-analysis seeds, and why
 * (README, "Log parsing", has the full table):
 *
 * <ul>
 *   <li>Any UTC offset is read, {@code +0000} and {@code +0800} included; the seeds' time pattern accepts
 *       only negative offsets and leaves every other timestamp null.
 *   <li>The host is the first field whatever it holds; the seeds require a dot, which drops dot-less hosts
 *       ({@code 3_343_lt_someone}) and IPv6 addresses.
 *   <li>Status and size are read right after the request's closing quote; the seeds look for the size at the
 *       end of the line, so every Combined-format line gets no size.
 *   <li>The request may contain spaces and quotes; it ends at the quote that is followed by a status and a
 *       size.
 * </ul>
 *
 * <p>Field semantics otherwise follow the seeds: a {@code -} size becomes 0 (their {@code fillna(0)}), and a
 * request that is not {@code METHOD target [protocol]} ({@code "-"}, scanner junk) keeps its record with
 * method, endpoint and protocol null, so its status still counts.
 */
public final class AccessLogParser {
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };
  /** {@code dd/MMM/yyyy:HH:mm:ss ±hhmm}. */
  private static final int TIMESTAMP_LENGTH = 26;

  private AccessLogParser() {}

  /**
   * Returns the record for {@code line}, or throws {@link MalformedLogLineException} whose message says
   * why the line is not a log record.
   */
  public static LogRecord parse(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
      end--;
    }
    if (end == 0 || line.isBlank()) {
      throw new MalformedLogLineException("empty line");
    }
    int hostEnd = line.indexOf(' ');
    int identEnd = hostEnd < 0 ? -1 : line.indexOf(' ', hostEnd + 1);
    int userEnd = identEnd < 0 ? -1 : line.indexOf(' ', identEnd + 1);
    if (hostEnd <= 0
        || identEnd <= hostEnd + 1
        || userEnd <= identEnd + 1
        || userEnd + 1 >= end
        || line.charAt(userEnd + 1) != '[') {
      throw new MalformedLogLineException("expected 'host ident user [timestamp]' at the start");
    }
    String host = line.substring(0, hostEnd);

    int tsStart = userEnd + 2;
    int tsEnd = tsStart + TIMESTAMP_LENGTH;
    if (tsEnd >= end || line.charAt(tsEnd) != ']') {
      throw new MalformedLogLineException("timestamp is not 'dd/MMM/yyyy:HH:mm:ss +hhmm]'");
    }
    Instant timestamp = parseTimestamp(line, tsStart);

    int requestStart = tsEnd + 3;
    if (requestStart > end || line.charAt(tsEnd + 1) != ' ' || line.charAt(tsEnd + 2) != '"') {
      throw new MalformedLogLineException("no quoted request after the timestamp");
    }
    // The request may itself contain quotes, so it ends at the first quote followed by status and size.
    int quote = line.indexOf('"', requestStart);
    if (quote < 0 || quote >= end) {
      throw new MalformedLogLineException("request has no closing quote (line cut short?)");
    }
    while (quote >= 0 && quote < end && !hasStatusAndSize(line, quote, end)) {
      quote = line.indexOf('"', quote + 1);
    }
    if (quote < 0 || quote >= end) {
      throw new MalformedLogLineException("no 'status size' after the quoted request");
    }
    int status = digits(line, quote + 2, quote + 5);
    int sizeStart = quote + 6;
    int sizeEnd = tokenEnd(line, sizeStart, end);
    long contentSize = line.charAt(sizeStart) == '-' ? 0L : parseSize(line, sizeStart, sizeEnd);

    String request = line.substring(requestStart, quote);
    String method = null;
    String endpoint = null;
    String protocol = null;
    int methodEnd = request.indexOf(' ');
    if (methodEnd > 0 && isMethod(request, methodEnd) && methodEnd + 1 < request.length()) {
      method = request.substring(0, methodEnd);
      String target = request.substring(methodEnd + 1);
      int lastSpace = target.lastIndexOf(' ');
      if (lastSpace > 0 && target.startsWith("HTTP/", lastSpace + 1)) {
        protocol = target.substring(lastSpace + 1);
        target = target.substring(0, lastSpace);
      }
      endpoint = target;
    }
    return new LogRecord(host, timestamp, method, endpoint, protocol, status, contentSize);
  }

  /** True when {@code " ddd size} follows at {@code quote}, the size being digits or {@code -}. */
  private static boolean hasStatusAndSize(String line, int quote, int end) {
    int p = quote + 1;
    if (p + 6 > end || line.charAt(p) != ' ' || line.charAt(p + 4) != ' ') {
      return false;
    }
    for (int i = p + 1; i <= p + 3; i++) {
      if (!isDigit(line.charAt(i))) {
        return false;
      }
    }
    int sizeStart = p + 5;
    int sizeEnd = tokenEnd(line, sizeStart, end);
    if (sizeEnd - sizeStart == 1 && line.charAt(sizeStart) == '-') {
      return true;
    }
    for (int i = sizeStart; i < sizeEnd; i++) {
      if (!isDigit(line.charAt(i))) {
        return false;
      }
    }
    return sizeEnd > sizeStart;
  }

  private static Instant parseTimestamp(String s, int p) {
    if (s.charAt(p + 2) != '/'
        || s.charAt(p + 6) != '/'
        || s.charAt(p + 11) != ':'
        || s.charAt(p + 14) != ':'
        || s.charAt(p + 17) != ':'
        || s.charAt(p + 20) != ' ') {
      throw new MalformedLogLineException("timestamp is not 'dd/MMM/yyyy:HH:mm:ss +hhmm]'");
    }
    int day = digits(s, p, p + 2);
    int month = month(s, p + 3);
    int year = digits(s, p + 7, p + 11);
    int hour = digits(s, p + 12, p + 14);
    int minute = digits(s, p + 15, p + 17);
    int second = digits(s, p + 18, p + 20);
    char sign = s.charAt(p + 21);
    if (sign != '+' && sign != '-') {
      throw new MalformedLogLineException("timestamp offset must start with + or -");
    }
    int offsetHours = digits(s, p + 22, p + 24);
    int offsetMinutes = digits(s, p + 24, p + 26);
    if (hour > 23 || minute > 59 || second > 60 || offsetHours > 18 || offsetMinutes > 59) {
      throw new MalformedLogLineException("timestamp field out of range");
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      throw new MalformedLogLineException("no such date: " + s.substring(p, p + 11));
    }
    long offsetSeconds = (offsetHours * 3600L + offsetMinutes * 60L) * (sign == '-' ? -1 : 1);
    long epochSecond = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return new Instant(epochSecond * 1000L);
  }

  private static int month(String s, int p) {
    for (int i = 0; i < MONTHS.length; i++) {
      if (s.regionMatches(true, p, MONTHS[i], 0, 3)) {
        return i + 1;
      }
    }
    throw new MalformedLogLineException("unknown month '" + s.substring(p, p + 3) + "'");
  }

  private static boolean isMethod(String request, int methodEnd) {
    for (int i = 0; i < methodEnd; i++) {
      char c = request.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  private static int tokenEnd(String line, int from, int end) {
    int space = line.indexOf(' ', from);
    return space < 0 || space > end ? end : space;
  }

  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        throw new MalformedLogLineException("expected a digit, found '" + c + "'");
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static long parseSize(String s, int from, int to) {
    if (to - from > 18) {
      throw new MalformedLogLineException("content size too large");
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (s.charAt(i) - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
