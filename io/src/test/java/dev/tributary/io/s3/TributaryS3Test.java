package dev.tributary.io.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** The options a user types for S3, as {@link TributaryS3#configure} checks and completes them. */
class TributaryS3Test {
  private static LoopbackS3Server s3;

  @TempDir Path tmp;

  @BeforeAll
  static void startServer() throws Exception {
    s3 = LoopbackS3Server.start();
    s3.createBucket("styles");
    s3.put("styles", "logs/a.log", "path\nstyle\n");
  }

  @AfterAll
  static void stopServer() throws Exception {
    s3.close();
  }

  private static TributaryS3Options parse(String... args) {
    PipelineOptionsFactory.register(TributaryS3Options.class);
    return PipelineOptionsFactory.fromArgs(args).withValidation().as(TributaryS3Options.class);
  }

  @Test
  void pathStyleOptionSelectsThePathStyleFactory() {
    TributaryS3Options options = parse("--s3PathStyleAccess=true");

    TributaryS3.configure(options);

    assertEquals(PathStyleS3ClientBuilderFactory.class, options.getS3ClientFactoryClass());
  }

  @Test
  void withoutPathStyleBeamsDefaultFactoryStays() {
    TributaryS3Options options = parse();

    TributaryS3.configure(options);

    assertFalse(options.getS3PathStyleAccess());
    assertEquals(DefaultS3ClientBuilderFactory.class, options.getS3ClientFactoryClass());
    assertNull(options.getEndpoint());
  }

  @Test
  void pathStyleFactoryNamedByItsOptionNeedsNoSwitch() {
    TributaryS3Options options =
        parse("--s3ClientFactoryClass=" + TributaryS3.PATH_STYLE_FACTORY_NAME, "--s3PathStyleAccess=true");

    TributaryS3.configure(options);

    assertEquals(PathStyleS3ClientBuilderFactory.class, options.getS3ClientFactoryClass());
  }

  @Test
  void pathStyleWithAnotherFactoryIsAContradiction() {
    TributaryS3Options options =
        parse("--s3PathStyleAccess=true", "--s3ClientFactoryClass=" + OtherFactory.class.getName());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TributaryS3.configure(options));

    assertEquals(
        "--s3PathStyleAccess=true cannot be combined with --s3ClientFactoryClass="
            + OtherFactory.class.getName()
            + "; drop one of them (that factory decides the addressing style itself)",
        e.getMessage());
  }

  @Test
  void endpointMustBeAnHttpUrlAndItsUserInfoIsNeverRepeated() {
    IllegalArgumentException noScheme =
        assertThrows(IllegalArgumentException.class, () -> TributaryS3.configure(parse("--endpoint=localhost:9000")));
    IllegalArgumentException ftp =
        assertThrows(
            IllegalArgumentException.class,
            () -> TributaryS3.configure(parse("--endpoint=ftp://user:hunter2@127.0.0.1:21")));

    assertEquals(
        "--endpoint must be an http or https URL such as http://127.0.0.1:9000, got 'localhost:9000'",
        noScheme.getMessage());
    assertEquals(
        "--endpoint must be an http or https URL such as http://127.0.0.1:9000, got 'ftp://***@127.0.0.1:21'",
        ftp.getMessage());
  }

  @Test
  void anExplicitRegionIsKept() {
    String previous = System.setProperty("aws.region", "ap-south-1");
    try {
      TributaryS3Options options = parse("--endpoint=http://127.0.0.1:9000", "--awsRegion=eu-west-3");

      TributaryS3.configure(options);

      assertEquals(Region.EU_WEST_3, options.getAwsRegion());
    } finally {
      restore("aws.region", previous);
    }
  }

  @Test
  void withoutARegionOptionTheEnvironmentsRegionIsPinned() {
    String previous = System.setProperty("aws.region", "ap-south-1");
    try {
      TributaryS3Options options = parse();

      TributaryS3.configure(options);

      assertEquals(Region.AP_SOUTH_1, options.getAwsRegion());
    } finally {
      restore("aws.region", previous);
    }
  }

  @Test
  void withoutARegionOptionOrVariableTheProfilesRegionIsPinned() throws IOException {
    assumeTrue(System.getenv("AWS_REGION") == null, "AWS_REGION is set in this environment");
    Path config = tmp.resolve("config");
    Files.writeString(config, "[default]\nregion = eu-central-1\n", StandardCharsets.UTF_8);
    Map<String, String> previous = setProperties(Map.of("aws.configFile", config.toString()), "aws.region");
    try {
      TributaryS3Options options = parse();

      TributaryS3.configure(options);

      assertEquals(Region.EU_CENTRAL_1, options.getAwsRegion());
    } finally {
      restoreAll(previous);
    }
  }

  @Test
  void withNoRegionConfiguredAnywhereItIsUsEast1() throws IOException {
    assumeTrue(System.getenv("AWS_REGION") == null, "AWS_REGION is set in this environment");
    Path config = Files.writeString(tmp.resolve("config"), "", StandardCharsets.UTF_8);
    Map<String, String> previous = setProperties(Map.of("aws.configFile", config.toString()), "aws.region");
    try {
      TributaryS3Options options = parse("--endpoint=http://127.0.0.1:9000");

      TributaryS3.configure(options);

      assertEquals(Region.US_EAST_1, options.getAwsRegion());
    } finally {
      restoreAll(previous);
    }
  }

  @Test
  void configuredOptionsNeverAskTheInstanceMetadataService() throws Exception {
    // The metadata service is pointed at a loopback stand-in that counts requests and answers 404.
    assumeTrue(System.getenv("AWS_REGION") == null, "AWS_REGION is set in this environment");
    assumeTrue(System.getenv("AWS_EC2_METADATA_DISABLED") == null, "the metadata service is disabled here");
    Path config = Files.writeString(tmp.resolve("config"), "", StandardCharsets.UTF_8);
    try (MetadataStandIn metadata = new MetadataStandIn()) {
      Map<String, String> previous =
          setProperties(
              Map.of("aws.configFile", config.toString(), "aws.ec2MetadataServiceEndpoint", metadata.url()),
              "aws.region",
              "aws.disableEc2Metadata");
      try {
        PipelineOptions configured = parse();
        TributaryS3.configure(configured);
        FileSystems.setDefaultPipelineOptions(configured);
        int afterConfigured = metadata.requests();

        // Without configure, registering file systems runs Beam's default region lookup, which asks.
        FileSystems.setDefaultPipelineOptions(parse());
        int afterUnconfigured = metadata.requests();

        assertEquals(0, afterConfigured);
        assertTrue(afterUnconfigured > 0, "the stand-in saw no request, so it proves nothing");
      } finally {
        restoreAll(previous);
      }
    }
  }

  @Test
  void pathStyleReachesAServerByHostName() {
    // Virtual-host style would send requests to styles.localhost; path style sends them to localhost/styles.
    List<String> args = new ArrayList<>(s3.beamArgs());
    args.removeIf(a -> a.startsWith("--endpoint=") || a.startsWith("--s3ClientFactoryClass="));
    args.add("--endpoint=http://localhost:" + s3.port());
    args.add("--s3PathStyleAccess=true");
    PipelineOptions options = S3TestPipelines.options(args);
    TestPipeline p = S3TestPipelines.pipeline(options);

    PCollection<String> lines = p.apply("ReadS3", TextIO.read().from("s3://styles/logs/*"));

    PAssert.that(lines).containsInAnyOrder("path", "style");
    p.run().waitUntilFinish();
  }

  @Test
  void anIpEndpointWorksWithoutPathStyle() throws Exception {
    // The AWS SDK addresses an IP-address endpoint path-style by itself.
    List<String> args = new ArrayList<>(s3.beamArgs());
    args.removeIf(a -> a.startsWith("--s3ClientFactoryClass="));
    PipelineOptions options = S3TestPipelines.registered(args);

    MatchResult match = FileSystems.match("s3://styles/logs/*", EmptyMatchTreatment.DISALLOW);

    assertEquals(DefaultS3ClientBuilderFactory.class, options.as(TributaryS3Options.class).getS3ClientFactoryClass());
    assertEquals(MatchResult.Status.OK, match.status());
    assertEquals("s3://styles/logs/a.log", match.metadata().get(0).resourceId().toString());
  }

  /** Sets some system properties and clears others; returns the previous values (null: was unset). */
  private static Map<String, String> setProperties(Map<String, String> set, String... clear) {
    Map<String, String> previous = new HashMap<>();
    set.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
    for (String name : clear) {
      previous.put(name, System.clearProperty(name));
    }
    return previous;
  }

  private static void restoreAll(Map<String, String> previous) {
    previous.forEach(TributaryS3Test::restore);
  }

  private static void restore(String name, String previous) {
    if (previous == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, previous);
    }
  }

  /** An HTTP server on 127.0.0.1 that answers every request with 404 and counts them. */
  private static final class MetadataStandIn implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor = new Thread(this::serve, "metadata-stand-in");

    MetadataStandIn() throws IOException {
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    int requests() {
      return requests.get();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket connection = socket.accept()) {
          BufferedReader in =
              new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
          for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            // Headers; a metadata request has no body worth reading.
          }
          requests.incrementAndGet();
          OutputStream out = connection.getOutputStream();
          out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (IOException e) {
          // Closed, or a client that went away.
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  /** Some other factory a user might name. */
  public static final class OtherFactory extends DefaultS3ClientBuilderFactory {}
}
