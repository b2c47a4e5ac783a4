package dev.tributary.io.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.io.files.WatchedTextIO;
import dev.tributary.transforms.common.CounterTotals;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Beam's {@code TextIO} and Tributary's {@link WatchedTextIO} reading {@code s3://} prefixes from a real
 * S3-compatible server on 127.0.0.1, configured by pipeline options alone: {@code --endpoint}, {@code
 * --awsRegion}, {@code --awsCredentialsProvider} and the path-style client factory. Each test uses its
 * own bucket.
 *
 * <p>About order: S3 keeps Last-Modified to the second (listings and HEAD both say {@code
 * 12:00:07Z}), so objects written within the same second are read in key order, whatever order they
 * were written in. Writers that need a strict order inside one second must name keys in that order
 * (for example with a sequence number or timestamp in the name).
 */
class S3ReadTest {
  private static LoopbackS3Server s3;

  @BeforeAll
  static void startServer() throws Exception {
    s3 = LoopbackS3Server.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    s3.close();
  }

  @Test
  void textIoReadsEveryObjectDirectlyUnderThePrefix() {
    s3.createBucket("batch");
    s3.put("batch", "logs/a.log", "a1\na2\n");
    s3.put("batch", "logs/b.log", "b1\r\nb2");
    s3.put("batch", "logs/nested/c.log", "nested\n");
    s3.put("batch", "other/d.log", "other\n");
    TestPipeline p = S3TestPipelines.pipeline(S3TestPipelines.options(s3.beamArgs()));

    PCollection<String> lines = p.apply("ReadS3", TextIO.read().from("s3://batch/logs/*"));

    PAssert.that(lines).containsInAnyOrder("a1", "a2", "b1", "b2");
    p.run().waitUntilFinish();
  }

  @Test
  void watchedTextIoReadsEachObjectOnceAndPicksUpOneUploadedWhileItRuns() throws Exception {
    s3.createBucket("watch");
    s3.put("watch", "logs/001.log", "a1\na2\n");
    s3.put("watch", "logs/002.log", "b1\n");
    TestPipeline p = S3TestPipelines.pipeline(S3TestPipelines.options(s3.beamArgs()));

    PCollection<String> lines =
        p.apply(
            "WatchS3",
            WatchedTextIO.read()
                .from("s3://watch/logs/")
                .withPollInterval(Duration.millis(200))
                .stopWhenIdleFor(Duration.standardSeconds(2)));

    PAssert.that(lines).containsInAnyOrder("a1", "a2", "b1", "c1", "c2");
    int listedBefore = s3.listings("watch");
    CompletableFuture<PipelineResult> run = CompletableFuture.supplyAsync(p::run);
    // Once the watch has listed the prefix (and found two objects), a third one arrives.
    assertTrue(s3.awaitListings("watch", listedBefore + 1, 60, TimeUnit.SECONDS), "the watch listed the prefix");
    s3.put("watch", "logs/003.log", "c1\nc2\n");
    PipelineResult result = run.get(60, TimeUnit.SECONDS);
    result.waitUntilFinish();

    assertEquals(3, CounterTotals.of(result, WatchedTextIO.NAMESPACE, WatchedTextIO.FILES_READ));
    assertEquals(5, CounterTotals.of(result, WatchedTextIO.NAMESPACE, WatchedTextIO.LINES_READ));
    assertEquals(0, CounterTotals.of(result, WatchedTextIO.NAMESPACE, WatchedTextIO.FILES_UNREADABLE));
  }

  @Test
  void watchReadsObjectsByLastModifiedSecondThenByKey() throws Exception {
    s3.createBucket("order");
    PipelineOptions options = S3TestPipelines.registered(s3.beamArgs());
    s3.put("order", "logs/b.log", "b\n");
    waitForNextSecond();
    s3.put("order", "logs/a.log", "a\n");
    // Written z first, c second, within one second: S3 cannot tell them apart, so key order decides.
    putInOneSecond("order", "logs/z.log", "z\n", "logs/c.log", "c\n");

    try (UnboundedSource.UnboundedReader<String> reader = readOnce("s3://order/logs/", options)) {
      assertEquals(List.of("b", "a", "c", "z"), drain(reader, reader.start()));
    }
  }

  @Test
  void watchPicksUpNewObjectsAndNeverRereadsOverwrittenOnes() throws Exception {
    s3.createBucket("pickup");
    PipelineOptions options = S3TestPipelines.registered(s3.beamArgs());
    s3.put("pickup", "logs/001.log", "first\n");
    UnboundedSource<String, ?> source =
        S3TestPipelines.unboundedSourceOf(
            WatchedTextIO.read().from("s3://pickup/logs/").withPollInterval(Duration.millis(50)), options);

    try (UnboundedSource.UnboundedReader<String> reader = source.createReader(options, null)) {
      assertEquals(List.of("first"), drain(reader, reader.start()));
      s3.put("pickup", "logs/002.log", "second\nthird\n");
      s3.put("pickup", "logs/001.log", "first, rewritten\n");

      assertEquals(List.of("second", "third"), readUntil(reader, 2));
      assertEquals(List.of(), readUntil(reader, 0), "nothing new after several more listings");
    }
  }

  @Test
  void watchSkipsFolderMarkersHiddenObjectsAndDeeperKeys() throws Exception {
    s3.createBucket("skips");
    PipelineOptions options = S3TestPipelines.registered(s3.beamArgs());
    s3.put("skips", "logs/", "");
    s3.put("skips", "logs/visible.log", "seen\n");
    s3.put("skips", "logs/.upload.tmp", "dot\n");
    s3.put("skips", "logs/_SUCCESS", "underscore\n");
    s3.put("skips", "logs/nested/inner.log", "nested\n");

    try (UnboundedSource.UnboundedReader<String> reader = readOnce("s3://skips/logs/", options)) {
      assertEquals(List.of("seen"), drain(reader, reader.start()));
    }
  }

  /** A watch whose only listing is the one in {@code start()}. */
  private static UnboundedSource.UnboundedReader<String> readOnce(String prefix, PipelineOptions options)
      throws IOException {
    UnboundedSource<String, ?> source =
        S3TestPipelines.unboundedSourceOf(
            WatchedTextIO.read().from(prefix).withPollInterval(Duration.standardHours(1)), options);
    return source.createReader(options, null);
  }

  private static List<String> drain(UnboundedSource.UnboundedReader<String> reader, boolean available)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (boolean more = available; more; more = reader.advance()) {
      lines.add(reader.getCurrent());
    }
    return lines;
  }

  /**
   * Polls the reader for up to 10 s until {@code expected} lines arrived; with 0, polls for 1 s (twenty
   * listings) and returns whatever came.
   */
  private static List<String> readUntil(UnboundedSource.UnboundedReader<String> reader, int expected)
      throws Exception {
    List<String> lines = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(expected == 0 ? 1 : 10);
    while (System.nanoTime() < deadline && (expected == 0 || lines.size() < expected)) {
      lines.addAll(drain(reader, reader.advance()));
      Thread.sleep(20);
    }
    return lines;
  }

  /** Puts two objects, in this order, with the same Last-Modified second (tries again if a second ends). */
  private static void putInOneSecond(String bucket, String key1, String content1, String key2, String content2)
      throws InterruptedException {
    for (int attempt = 0; attempt < 3; attempt++) {
      waitForNextSecond();
      s3.put(bucket, key1, content1);
      s3.put(bucket, key2, content2);
      if (lastModified(bucket, key1).equals(lastModified(bucket, key2))) {
        return;
      }
    }
    throw new AssertionError("could not write two objects within one second");
  }

  private static Instant lastModified(String bucket, String key) {
    return s3.client().headObject(b -> b.bucket(bucket).key(key)).lastModified();
  }

  /** Sleeps into the next wall-clock second, so that what follows gets a later Last-Modified. */
  private static void waitForNextSecond() throws InterruptedException {
    Thread.sleep(1_000 - System.currentTimeMillis() % 1_000 + 20);
  }
}
