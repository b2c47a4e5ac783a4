package dev.tributary.pipelines.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.pipelines.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code logs} command line with S3 options: {@link dev.tributary.io.s3.TributaryS3Options} are
 * accepted, credential values never reach the error line, and a bucket that cannot be listed is a one-line
 * usage error.
 */
class S3CommandLineTest {
  private static LoopbackS3 s3;

  @TempDir Path tmp;

  @BeforeAll
  static void startServer() throws Exception {
    s3 = LoopbackS3.startIfAvailable();
    if (s3 == null) {
      return;
    }
    s3.createBucket("cli");
    s3.upload("cli", "logs/access-001.log", RepoPaths.data().resolve("logs/access-001.log"));
  }

  @BeforeEach
  void needsTheServer() {
    LoopbackS3.assumeRunning(s3);
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void aMalformedCredentialsOptionIsOneLineWithoutTheSecret() {
    String option =
        "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\",\"accessKeyId\":\"k\",\"secretAccessKey\":\""
            + s3.secretKey() + "\"";

    S3LogsJobTest.Run run = S3LogsJobTest.run("logs", "--input=s3://cli/logs/", option);

    assertEquals(2, run.status(), run.err());
    assertEquals(
        "tributary logs: --awsCredentialsProvider=***: Unable to parse JSON value *** (see: tributary logs --help)",
        run.err().strip());
    assertFalse(run.everything().contains(s3.secretKey()), run.everything());
  }

  @Test
  void aCredentialsObjectWithoutItsKeyIdIsOneLineNotACrash() {
    String option =
        "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\",\"secretAccessKey\":\"" + s3.secretKey() + "\"}";

    S3LogsJobTest.Run run = S3LogsJobTest.run("logs", "--input=s3://cli/logs/", option);

    assertEquals(2, run.status(), run.err());
    assertEquals(
        "tributary logs: --awsCredentialsProvider=***: AWS credentials provider type 'StaticCredentialsProvider' "
            + "is missing 'accessKeyId' (see: tributary logs --help)",
        run.err().strip());
    assertFalse(run.everything().contains(s3.secretKey()), run.everything());
  }

  @Test
  void pathStyleReachesTheServerByHostName() throws IOException {
    List<String> args = new ArrayList<>(List.of("logs", "--input=s3://cli/logs/", "--output=" + tmp.resolve("x")));
    args.addAll(s3.options());
    args.replaceAll(a -> a.startsWith("--endpoint=") ? "--endpoint=http://localhost:" + s3.endpoint().getPort() : a);
    args.add("--s3PathStyleAccess=true");

    S3LogsJobTest.Run run = S3LogsJobTest.run(args.toArray(new String[0]));

    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("logs: read 540 lines: "), run.out());
    assertTrue(Files.exists(tmp.resolve("x-status_counts.jsonl")));
  }

  @Test
  void followModeOnABucketThatDoesNotExistIsOneLine() {
    List<String> args =
        new ArrayList<>(List.of("logs", "--follow", "--input=s3://no-such-bucket/logs/", "--stopAfterIdle=5s"));
    args.addAll(s3.options());

    S3LogsJobTest.Run run = S3LogsJobTest.run(args.toArray(new String[0]));

    assertEquals(2, run.status(), run.err());
    assertTrue(
        run.err().strip().startsWith(
            "tributary logs: cannot list --input=s3://no-such-bucket/logs/: The specified bucket does not exist"),
        run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }
}
