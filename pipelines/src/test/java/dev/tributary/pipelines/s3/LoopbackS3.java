package dev.tributary.pipelines.s3;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3-compatible server of the io module's S3 tests (S3Proxy 2.9 with jclouds' in-memory blob store,
 * on 127.0.0.1 at a port the OS picks, checking signatures against a fresh secret), started here through
 * reflection: S3Proxy is a test dependency of the io module, which the pipelines module does not
 * inherit. Until {@code org.gaul:s3proxy} is on this module's test class path, {@link #startIfAvailable}
 * returns null and the tests that need the server are skipped, each saying why. It counts the listings of each bucket, so a test can act once a watch has
 * listed.
 */
final class LoopbackS3 implements AutoCloseable {
  static final String ACCESS_KEY = "tributary-test-key";
  static final Region REGION = Region.US_EAST_1;

  static {
    // The AWS SDK must never look for an EC2 instance (169.254.169.254): tests talk to 127.0.0.1 only.
    System.setProperty("aws.disableEc2Metadata", "true");
  }

  private final String secretKey;
  private final AutoCloseable blobStores;
  private final Object proxy;
  private final int port;
  private final AtomicInteger listings;
  private final S3Client client;

  private LoopbackS3(String secretKey, AutoCloseable blobStores, Object proxy, int port, AtomicInteger listings) {
    this.secretKey = secretKey;
    this.blobStores = blobStores;
    this.proxy = proxy;
    this.port = port;
    this.listings = listings;
    this.client =
        S3Client.builder()
            .endpointOverride(endpoint())
            .region(REGION)
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secretKey)))
            .build();
  }

  static final String MISSING =
      "org.gaul:s3proxy:2.9.0 (test scope) is not on the pipelines module's test class path; see the S3 report";

  /** Starts a server, or returns null when S3Proxy is not on the class path. */
  static LoopbackS3 startIfAvailable() throws Exception {
    try {
      Class.forName("org.gaul.s3proxy.S3Proxy");
    } catch (ClassNotFoundException e) {
      return null;
    }
    return start();
  }

  /** Skips the calling test, saying why, when there is no server. */
  static void assumeRunning(LoopbackS3 server) {
    Assumptions.assumeTrue(server != null, MISSING);
  }

  private static LoopbackS3 start() throws Exception {
    String secretKey = "secret-" + UUID.randomUUID();
    Class<?> contextBuilderClass = Class.forName("org.jclouds.ContextBuilder");
    Class<?> blobStoreContextClass = Class.forName("org.jclouds.blobstore.BlobStoreContext");
    Class<?> blobStoreClass = Class.forName("org.jclouds.blobstore.BlobStore");
    Object contextBuilder = contextBuilderClass.getMethod("newBuilder", String.class).invoke(null, "transient");
    contextBuilder =
        contextBuilderClass.getMethod("credentials", String.class, String.class).invoke(contextBuilder, ACCESS_KEY, secretKey);
    Object context = contextBuilderClass.getMethod("build", Class.class).invoke(contextBuilder, blobStoreContextClass);
    Object blobStore = blobStoreContextClass.getMethod("getBlobStore").invoke(context);
    AtomicInteger listings = new AtomicInteger();
    Object countingBlobStore =
        Proxy.newProxyInstance(
            blobStoreClass.getClassLoader(), new Class<?>[] {blobStoreClass}, new CountingListings(blobStore, listings));

    Class<?> s3ProxyClass = Class.forName("org.gaul.s3proxy.S3Proxy");
    Class<?> builderClass = Class.forName("org.gaul.s3proxy.S3Proxy$Builder");
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object authType = Enum.valueOf((Class) Class.forName("org.gaul.s3proxy.AuthenticationType"), "AWS_V2_OR_V4");
    Object builder = s3ProxyClass.getMethod("builder").invoke(null);
    builderClass.getMethod("blobStore", blobStoreClass).invoke(builder, countingBlobStore);
    builderClass.getMethod("endpoint", URI.class).invoke(builder, URI.create("http://127.0.0.1:0"));
    builderClass
        .getMethod("awsAuthentication", authType.getClass(), String.class, String.class)
        .invoke(builder, authType, ACCESS_KEY, secretKey);
    Object proxy = builderClass.getMethod("build").invoke(builder);
    s3ProxyClass.getMethod("start").invoke(proxy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!"STARTED".equals(s3ProxyClass.getMethod("getState").invoke(proxy))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start");
      }
      Thread.sleep(10);
    }
    int port = (Integer) s3ProxyClass.getMethod("getPort").invoke(proxy);
    return new LoopbackS3(secretKey, (AutoCloseable) context, proxy, port, listings);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  String secretKey() {
    return secretKey;
  }

  void createBucket(String bucket) {
    client.createBucket(b -> b.bucket(bucket));
  }

  void upload(String bucket, String key, Path file) {
    client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
  }

  /** Listings of any bucket so far. */
  int listings() {
    return listings.get();
  }

  boolean awaitListings(int count, long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (listings.get() < count) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** The options a user types to reach this server, with the key pair as Beam's credentials option. */
  List<String> options() {
    return options(secretKey);
  }

  List<String> options(String secret) {
    return List.of(
        "--endpoint=" + endpoint(),
        "--awsRegion=" + REGION.id(),
        "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\",\"accessKeyId\":\"" + ACCESS_KEY
            + "\",\"secretAccessKey\":\"" + secret + "\"}");
  }

  @Override
  public void close() throws Exception {
    client.close();
    try {
      proxy.getClass().getMethod("stop").invoke(proxy);
    } finally {
      blobStores.close();
    }
  }

  /** Passes every call to the real blob store and counts container listings. */
  private static final class CountingListings implements InvocationHandler {
    private final Object delegate;
    private final AtomicInteger listings;

    CountingListings(Object delegate, AtomicInteger listings) {
      this.delegate = delegate;
      this.listings = listings;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      Object result;
      try {
        result = method.invoke(delegate, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (method.getName().equals("list") && args != null && args.length == 2) {
        listings.incrementAndGet();
      }
      return result;
    }
  }
}
