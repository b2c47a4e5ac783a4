package dev.tributary.io.s3;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: S3Proxy with jclouds' in-memory ("transient") blob store,
 * listening on 127.0.0.1 at a port the OS picks, checking AWS signatures (V2 or V4) against one key pair
 * whose secret is new for every server. Objects are put through the S3 protocol with the AWS SDK, as any
 * writer would. The server counts the listings of each bucket, so that a test can tell when a reader
 * has listed a prefix.
 *
 * <p>Why S3Proxy 2.9: it is the newest S3Proxy line whose server runs on jclouds, without the AWS SDK.
 * S3Proxy 3.1 and later (4.x included) build their server on AWS SDK v2 model classes of 2.4x versions
 * (for example {@code ChecksumType}), which clash with the AWS SDK 2.20 that Beam 2.70's
 * amazon-web-services2 module brings, since one class path holds one SDK version. S3Mock has the same
 * clash (it depends on the AWS SDK too) and adds a Spring Boot application to start.
 */
final class LoopbackS3Server implements AutoCloseable {
  static final String ACCESS_KEY = "tributary-test-key";
  static final Region REGION = Region.US_EAST_1;

  static {
    // Never let the AWS SDK look for an EC2 instance (169.254.169.254) for a region or credentials:
    // tests talk to 127.0.0.1 only.
    System.setProperty("aws.disableEc2Metadata", "true");
  }

  private final String secretKey;
  private final Map<String, AtomicInteger> listings;
  private final BlobStoreContext blobStores;
  private final S3Proxy proxy;
  private final URI endpoint;
  private final S3Client client;

  private LoopbackS3Server(
      String secretKey,
      Map<String, AtomicInteger> listings,
      BlobStoreContext blobStores,
      S3Proxy proxy,
      URI endpoint) {
    this.secretKey = secretKey;
    this.listings = listings;
    this.blobStores = blobStores;
    this.proxy = proxy;
    this.endpoint = endpoint;
    this.client =
        S3Client.builder()
            .endpointOverride(endpoint)
            .region(REGION)
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secretKey)))
            .build();
  }

  static LoopbackS3Server start() throws Exception {
    String secretKey = "secret-" + UUID.randomUUID();
    BlobStoreContext blobStores =
        ContextBuilder.newBuilder("transient")
            .credentials(ACCESS_KEY, secretKey)
            .build(BlobStoreContext.class);
    Map<String, AtomicInteger> listings = new ConcurrentHashMap<>();
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new CountingListings(blobStores.getBlobStore(), listings))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, secretKey)
            .build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    return new LoopbackS3Server(secretKey, listings, blobStores, proxy, endpoint);
  }

  URI endpoint() {
    return endpoint;
  }

  int port() {
    return proxy.getPort();
  }

  String secretKey() {
    return secretKey;
  }

  S3Client client() {
    return client;
  }

  void createBucket(String bucket) {
    client.createBucket(b -> b.bucket(bucket));
  }

  void put(String bucket, String key, String content) {
    client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content, StandardCharsets.UTF_8));
  }

  void put(String bucket, String key, byte[] content) {
    client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
  }

  /** Waits until the bucket's objects have been listed at least {@code count} times in all. */
  boolean awaitListings(String bucket, int count, long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (listings(bucket) < count) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  int listings(String bucket) {
    AtomicInteger count = listings.get(bucket);
    return count == null ? 0 : count.get();
  }

  /** The keys in a bucket under a prefix, in key order. */
  List<String> keys(String bucket, String prefix) {
    List<String> keys = new ArrayList<>();
    client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().forEach(o -> keys.add(o.key()));
    Collections.sort(keys);
    return keys;
  }

  /**
   * Beam command-line options that reach this server with its key pair given as Beam's {@code
   * --awsCredentialsProvider} option.
   */
  List<String> beamArgs() {
    List<String> args = new ArrayList<>(endpointArgs());
    args.add("--awsCredentialsProvider=" + staticCredentialsJson(ACCESS_KEY, secretKey));
    return args;
  }

  /** Endpoint, region and path style, without credentials. */
  List<String> endpointArgs() {
    return List.of(
        "--endpoint=" + endpoint,
        "--awsRegion=" + REGION.id(),
        "--s3ClientFactoryClass=" + PathStyleS3ClientBuilderFactory.class.getName());
  }

  static String staticCredentialsJson(String accessKey, String secretKey) {
    return "{\"@type\":\"StaticCredentialsProvider\",\"accessKeyId\":\""
        + accessKey
        + "\",\"secretAccessKey\":\""
        + secretKey
        + "\"}";
  }

  /** The blob store, counting listings per bucket (container, in jclouds' words). */
  private static final class CountingListings extends ForwardingBlobStore {
    private final Map<String, AtomicInteger> listings;

    CountingListings(BlobStore delegate, Map<String, AtomicInteger> listings) {
      super(delegate);
      this.listings = listings;
    }

    @Override
    public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
      PageSet<? extends StorageMetadata> page = super.list(container, options);
      listings.computeIfAbsent(container, c -> new AtomicInteger()).incrementAndGet();
      return page;
    }
  }

  @Override
  public void close() throws Exception {
    client.close();
    try {
      proxy.stop();
    } finally {
      blobStores.close();
    }
  }
}
