package dev.tributary.pipelines.cli;

import dev.tributary.io.s3.TributaryS3;
import dev.tributary.io.s3.TributaryS3Options;
import dev.tributary.pipelines.csv.CsvEventsJob;
import dev.tributary.pipelines.csv.GenerateCsvJob;
import dev.tributary.pipelines.events.JsonActionCountsJob;
import dev.tributary.pipelines.events.JsonActivityJob;
import dev.tributary.pipelines.filters.FilterLinesJob;
import dev.tributary.pipelines.generate.GenerateLogsJob;
import dev.tributary.pipelines.hashtags.TrendingHashtagsJob;
import dev.tributary.pipelines.joins.JoinStaticJob;
import dev.tributary.pipelines.joins.JoinStreamsJob;
import dev.tributary.pipelines.logs.LogAnalyticsJob;
import dev.tributary.pipelines.serve.LineServerJob;
import dev.tributary.pipelines.words.RunningWordCountJob;
import dev.tributary.pipelines.words.WindowedWordCountJob;
import dev.tributary.pipelines.words.WordCountJob;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The command-line entry point: {@code tributary <job> [--option=value ...]}. Without a job it lists the
 * jobs; {@code <job> --help} explains that job's options. Mistakes in the command line print one line and
 * exit with status 2; a job that fails exits with status 1.
 */
public final class Tributary {
  static final int USAGE_ERROR = 2;
  static final int JOB_FAILED = 1;

  private static final List<Job<?>> JOBS =
      List.of(
          new LogAnalyticsJob(),
          new GenerateLogsJob(),
          new LineServerJob(),
          new WordCountJob(),
          new RunningWordCountJob(),
          new WindowedWordCountJob(),
          new TrendingHashtagsJob(),
          new FilterLinesJob(),
          new JoinStreamsJob(),
          new JoinStaticJob(),
          new JsonActivityJob(),
          new JsonActionCountsJob(),
          new GenerateCsvJob(),
          new CsvEventsJob());

  private Tributary() {}

  /** Every job, in the order {@code tributary list} shows them. */
  static List<Job<?>> jobs() {
    return JOBS;
  }

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.out.flush();
    System.exit(status);
  }

  /** Runs the command line; separate from {@link #main} so tests can call it without exiting. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, Job<?>> jobs = new LinkedHashMap<>();
    JOBS.forEach(job -> jobs.put(job.name(), job));
    if (args.length == 0 || isHelp(args[0]) || args[0].equals("list")) {
      printJobs(jobs, out);
      return args.length == 0 ? USAGE_ERROR : 0;
    }
    Job<?> job = jobs.get(args[0]);
    if (job == null) {
      err.println("tributary: unknown job '" + args[0] + "'; jobs are " + String.join(", ", jobs.keySet()));
      return USAGE_ERROR;
    }
    String[] jobArgs = Arrays.copyOfRange(args, 1, args.length);
    if (Arrays.stream(jobArgs).anyMatch(Tributary::isHelp)) {
      out.println("tributary " + job.name() + ": " + job.description() + "\n");
      PipelineOptionsFactory.printHelp(out, job.optionsClass());
      return 0;
    }
    return runJob(job, jobArgs, out, err);
  }

  private static <O extends PipelineOptions> int runJob(
      Job<O> job, String[] args, PrintStream out, PrintStream err) {
    O options;
    try {
      PipelineOptionsFactory.register(job.optionsClass());
      // Every job may read s3:// paths, so every job accepts the S3 options.
      PipelineOptionsFactory.register(TributaryS3Options.class);
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(job.optionsClass());
      // Before anything registers file systems: settles the AWS region without the EC2 metadata service.
      TributaryS3.configure(options);
    } catch (RuntimeException e) {
      // Mostly IllegalArgumentException; Beam's AWS module throws NullPointerException for a credentials
      // object that lacks a field. Beam quotes values it cannot parse, so credential values are redacted.
      err.println("tributary " + job.name() + ": " + redact(culprit(job, args) + firstLine(e), args)
          + " (see: tributary " + job.name() + " --help)");
      return USAGE_ERROR;
    }
    try {
      return job.run(options, out);
    } catch (IllegalArgumentException e) {
      err.println("tributary " + job.name() + ": " + firstLine(e));
      return USAGE_ERROR;
    } catch (Exception e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      err.println("tributary " + job.name() + ": job failed: " + root);
      return JOB_FAILED;
    }
  }

  /**
   * Beam's messages for a bad value do not always name the option; parsing the arguments one at a time
   * finds the one to blame, returned as {@code "--name=value: "}, or "" if none fails alone.
   */
  private static String culprit(Job<?> job, String[] args) {
    for (String arg : args) {
      try {
        PipelineOptionsFactory.fromArgs(arg).withValidation().as(job.optionsClass());
      } catch (RuntimeException e) {
        return arg + ": ";
      }
    }
    return "";
  }

  /** Options whose values hold credentials; option names containing one of the words count too. */
  private static final Set<String> SECRET_OPTIONS =
      Set.of("awscredentialsprovider", "proxyconfiguration", "ssecustomerkey");

  private static final List<String> SECRET_WORDS = List.of("secret", "password", "credential", "token");

  /** The text with the value of every credential-bearing option in {@code args} replaced by {@code ***}. */
  private static String redact(String text, String[] args) {
    String redacted = text;
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0 || equals == arg.length() - 1) {
        continue;
      }
      String name = arg.substring(2, equals).toLowerCase(Locale.ROOT);
      if (SECRET_OPTIONS.contains(name) || SECRET_WORDS.stream().anyMatch(name::contains)) {
        redacted = redacted.replace(arg.substring(equals + 1), "***");
      }
    }
    return redacted;
  }

  private static void printJobs(Map<String, Job<?>> jobs, PrintStream out) {
    out.println("usage: tributary <job> [--option=value ...]    tributary <job> --help\n");
    out.println("jobs:");
    int width = jobs.keySet().stream().mapToInt(String::length).max().orElse(0);
    jobs.values().forEach(job -> out.printf("  %-" + width + "s  %s%n", job.name(), job.description()));
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.equals("help") || arg.startsWith("--help=");
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
