package dev.tributary.io.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the key pair comes from: Beam's {@code --awsCredentialsProvider} option, or, without it, the
 * standard AWS chain. In a JVM the system properties {@code aws.accessKeyId} and {@code
 * aws.secretAccessKey} stand for the environment variables {@code AWS_ACCESS_KEY_ID} and {@code
 * AWS_SECRET_ACCESS_KEY} (the chain asks them first), and {@code aws.sharedCredentialsFile} for the
 * location of {@code ~/.aws/credentials}.
 */
class S3CredentialsTest {
  private static LoopbackS3Server s3;

  @TempDir Path tmp;

  @BeforeAll
  static void startServer() throws Exception {
    s3 = LoopbackS3Server.start();
    s3.createBucket("creds");
    s3.put("creds", "logs/a.log", "authorized\n");
  }

  @AfterAll
  static void stopServer() throws Exception {
    s3.close();
  }

  @Test
  void staticKeysGivenAsAnOption() throws IOException {
    S3TestPipelines.registered(s3.beamArgs());

    MatchResult match = FileSystems.match("s3://creds/logs/*", EmptyMatchTreatment.DISALLOW);

    assertEquals(MatchResult.Status.OK, match.status());
    assertEquals(1, match.metadata().size());
  }

  @Test
  void keysFromTheEnvironmentThroughTheDefaultChain() {
    String previousId = System.setProperty("aws.accessKeyId", LoopbackS3Server.ACCESS_KEY);
    String previousSecret = System.setProperty("aws.secretAccessKey", s3.secretKey());
    try {
      // No --awsCredentialsProvider: Beam's default is the AWS SDK's default chain.
      TestPipeline p = S3TestPipelines.pipeline(S3TestPipelines.options(s3.endpointArgs()));

      PCollection<String> lines = p.apply("ReadS3", TextIO.read().from("s3://creds/logs/*"));

      PAssert.that(lines).containsInAnyOrder("authorized");
      p.run().waitUntilFinish();
    } finally {
      restore("aws.accessKeyId", previousId);
      restore("aws.secretAccessKey", previousSecret);
    }
  }

  @Test
  void keysFromANamedProfileInTheSharedCredentialsFile() throws IOException {
    Path credentials = tmp.resolve("credentials");
    Files.writeString(
        credentials,
        "[default]\naws_access_key_id = someone-else\naws_secret_access_key = not-this-one\n\n"
            + "[tributary]\naws_access_key_id = " + LoopbackS3Server.ACCESS_KEY + "\n"
            + "aws_secret_access_key = " + s3.secretKey() + "\n",
        StandardCharsets.UTF_8);
    String previousFile = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    try {
      List<String> args = new ArrayList<>(s3.endpointArgs());
      args.add("--awsCredentialsProvider={\"@type\":\"ProfileCredentialsProvider\",\"profileName\":\"tributary\"}");
      S3TestPipelines.registered(args);

      MatchResult match = FileSystems.match("s3://creds/logs/*", EmptyMatchTreatment.DISALLOW);

      assertEquals(MatchResult.Status.OK, match.status());
      assertEquals("s3://creds/logs/a.log", match.metadata().get(0).resourceId().toString());
    } finally {
      restore("aws.sharedCredentialsFile", previousFile);
    }
  }

  @Test
  void aWrongSecretIsRefusedByTheServerWithoutRepeatingIt() throws IOException {
    String wrongSecret = "wrong-" + s3.secretKey();
    List<String> args = new ArrayList<>(s3.endpointArgs());
    args.add("--awsCredentialsProvider=" + LoopbackS3Server.staticCredentialsJson(LoopbackS3Server.ACCESS_KEY, wrongSecret));
    S3TestPipelines.registered(args);

    MatchResult match = FileSystems.match("s3://creds/logs/*", EmptyMatchTreatment.ALLOW);
    IOException refused = assertThrows(IOException.class, match::metadata);

    assertEquals(MatchResult.Status.ERROR, match.status());
    String messages = messagesOf(refused);
    assertTrue(messages.contains("Status Code: 403"), messages);
    assertFalse(messages.contains(wrongSecret), messages);
    assertFalse(messages.contains(s3.secretKey()), messages);
  }

  static String messagesOf(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }

  private static void restore(String property, String previous) {
    if (previous == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, previous);
    }
  }
}
