package dev.tributary.pipelines.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server in this JVM: S3Proxy 2.9 over jclouds' in-memory blob store, on 127.0.0.1 at a
 * port the OS picks, checking request signatures against a secret made up per server. S3Proxy is on the
 * test run's class path only (failsafe's additionalClasspathDependencies, see the pom), so it is reached
 * by reflection. The secret must never show in a job's output; {@link #secret()} is for checking that.
 */
public final class LoopbackS3 implements AutoCloseable {
  public static final String ACCESS_KEY = "tributary-it-key";
  public static final String REGION = "us-east-1";

  static {
    // The AWS SDK must never ask for an EC2 instance's metadata (169.254.169.254): loopback only.
    System.setProperty("aws.disableEc2Metadata", "true");
  }

  private final String secret;
  private final AutoCloseable blobStoreContext;
  private final Object proxy;
  private final int port;
  private final S3Client client;

  private LoopbackS3(String secret, AutoCloseable blobStoreContext, Object proxy, int port) {
    this.secret = secret;
    this.blobStoreContext = blobStoreContext;
    this.proxy = proxy;
    this.port = port;
    this.client = S3Client.builder()
        .endpointOverride(endpoint())
        .region(Region.of(REGION))
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret)))
        .build();
  }

  public static LoopbackS3 start() throws Exception {
    String secret = "it-secret-" + UUID.randomUUID();
    Class<?> contextBuilder = Class.forName("org.jclouds.ContextBuilder");
    Class<?> contextClass = Class.forName("org.jclouds.blobstore.BlobStoreContext");
    Class<?> blobStoreClass = Class.forName("org.jclouds.blobstore.BlobStore");
    Object builder = contextBuilder.getMethod("newBuilder", String.class).invoke(null, "transient");
    builder = contextBuilder.getMethod("credentials", String.class, String.class).invoke(builder, ACCESS_KEY, secret);
    Object context = contextBuilder.getMethod("build", Class.class).invoke(builder, contextClass);
    Object blobStore = contextClass.getMethod("getBlobStore").invoke(context);

    Class<?> proxyClass = Class.forName("org.gaul.s3proxy.S3Proxy");
    Class<?> proxyBuilderClass = Class.forName("org.gaul.s3proxy.S3Proxy$Builder");
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object auth = Enum.valueOf((Class) Class.forName("org.gaul.s3proxy.AuthenticationType"), "AWS_V2_OR_V4");
    Object proxyBuilder = proxyClass.getMethod("builder").invoke(null);
    proxyBuilderClass.getMethod("blobStore", blobStoreClass).invoke(proxyBuilder, blobStore);
    proxyBuilderClass.getMethod("endpoint", URI.class).invoke(proxyBuilder, URI.create("http://127.0.0.1:0"));
    proxyBuilderClass.getMethod("awsAuthentication", auth.getClass(), String.class, String.class)
        .invoke(proxyBuilder, auth, ACCESS_KEY, secret);
    Object proxy = proxyBuilderClass.getMethod("build").invoke(proxyBuilder);
    proxyClass.getMethod("start").invoke(proxy);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxyClass.getMethod("getState").invoke(proxy))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start within 10 s");
      }
      Thread.sleep(10);
    }
    int port = (Integer) proxyClass.getMethod("getPort").invoke(proxy);
    return new LoopbackS3(secret, (AutoCloseable) context, proxy, port);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public String secret() {
    return secret;
  }

  /** Creates the bucket and uploads each file under {@code prefix + its file name}. */
  public void upload(String bucket, String prefix, List<Path> files) {
    client.createBucket(b -> b.bucket(bucket));
    for (Path file : files) {
      client.putObject(b -> b.bucket(bucket).key(prefix + file.getFileName()), RequestBody.fromFile(file));
    }
  }

  /** What a user types to reach this server, credentials included (Beam's --awsCredentialsProvider). */
  public List<String> options() {
    return List.of(
        "--endpoint=" + endpoint(),
        "--awsRegion=" + REGION,
        "--s3PathStyleAccess=true",
        "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\",\"accessKeyId\":\"" + ACCESS_KEY
            + "\",\"secretAccessKey\":\"" + secret + "\"}");
  }

  /** The same server for a child process, credentials through the AWS chain's environment variables. */
  public List<String> optionsWithoutCredentials() {
    return List.of("--endpoint=" + endpoint(), "--awsRegion=" + REGION, "--s3PathStyleAccess=true");
  }

  public Map<String, String> credentialsEnvironment() {
    return Map.of(
        "AWS_ACCESS_KEY_ID", ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", secret,
        "AWS_EC2_METADATA_DISABLED", "true");
  }

  @Override
  public void close() throws Exception {
    client.close();
    try {
      proxy.getClass().getMethod("stop").invoke(proxy);
    } finally {
      blobStoreContext.close();
    }
  }
}
