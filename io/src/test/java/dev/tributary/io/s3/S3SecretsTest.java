package dev.tributary.io.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.io.files.WatchedTextIO;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.aws2.options.AwsOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.util.common.ReflectHelpers;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A secret key given as an option must not show in anything Beam or the S3 file system prints: console
 * output and logs of a run, the options' {@code toString} and display data, and errors. The last two
 * tests pin down where Beam does hold or repeat the secret, which is what the command line must guard.
 */
class S3SecretsTest {
  private static LoopbackS3Server s3;

  @BeforeAll
  static void startServer() throws Exception {
    s3 = LoopbackS3Server.start();
    s3.createBucket("secrets");
    s3.put("secrets", "logs/a.log", "one\ntwo\n");
  }

  @AfterAll
  static void stopServer() throws Exception {
    s3.close();
  }

  @Test
  void runsWithASecretKeyNeverPrintIt() throws Exception {
    String secret = s3.secretKey();
    String printed;
    PipelineOptions options;
    try (CapturedOutput output = new CapturedOutput()) {
      options = S3TestPipelines.options(s3.beamArgs());
      TestPipeline batch = S3TestPipelines.pipeline(options);
      PCollection<String> lines = batch.apply("ReadS3", TextIO.read().from("s3://secrets/logs/*"));
      PAssert.that(lines).containsInAnyOrder("one", "two");
      batch.run().waitUntilFinish();

      TestPipeline watch = S3TestPipelines.pipeline(options);
      PCollection<String> watched =
          watch.apply(
              "WatchS3",
              WatchedTextIO.read()
                  .from("s3://secrets/logs/")
                  .withPollInterval(Duration.millis(100))
                  .stopWhenIdleFor(Duration.millis(500)));
      PAssert.that(watched).containsInAnyOrder("one", "two");
      watch.run().waitUntilFinish();

      System.out.println(options);
      System.out.println(DisplayData.from(options));
      printed = output.text();
    }

    assertTrue(printed.contains("awsCredentialsProvider"), "the options were printed");
    assertTrue(printed.contains(LoopbackS3Server.ACCESS_KEY), "the access key id is not a secret");
    assertFalse(printed.contains(secret), "the secret key was printed");
    assertEquals(
        "StaticCredentialsProvider(credentials=AwsCredentials(accessKeyId=" + LoopbackS3Server.ACCESS_KEY + "))",
        options.as(AwsOptions.class).getAwsCredentialsProvider().toString());
  }

  @Test
  void aRefusedSecretIsInNeitherTheFailureNorTheLogs() {
    String wrongSecret = "wrong-" + s3.secretKey();
    List<String> args = new ArrayList<>(s3.endpointArgs());
    args.add("--awsCredentialsProvider=" + LoopbackS3Server.staticCredentialsJson(LoopbackS3Server.ACCESS_KEY, wrongSecret));
    String printed;
    RuntimeException failure;
    try (CapturedOutput output = new CapturedOutput()) {
      TestPipeline p = S3TestPipelines.pipeline(S3TestPipelines.options(args));
      p.apply("ReadS3", TextIO.read().from("s3://secrets/logs/*"));
      failure = assertThrows(RuntimeException.class, () -> p.run().waitUntilFinish());
      printed = output.text();
    }

    String messages = S3CredentialsTest.messagesOf(failure);
    assertTrue(messages.contains("Status Code: 403"), messages);
    assertFalse(messages.contains(wrongSecret), messages);
    assertFalse(printed.contains(wrongSecret), printed);
  }

  @Test
  void serializedOptionsCarryAStaticSecretInPlainText() throws Exception {
    // What runners ship to their workers: anyone who can read a submitted job's options can read the key.
    // Prefer the environment, a profile or a role to --awsCredentialsProvider with static keys.
    PipelineOptions options = S3TestPipelines.options(s3.beamArgs());
    ObjectMapper mapper =
        new ObjectMapper().registerModules(ObjectMapper.findModules(ReflectHelpers.findClassLoader()));

    String json = mapper.writeValueAsString(options);

    assertTrue(json.contains("\"secretAccessKey\":\"" + s3.secretKey() + "\""), json);
  }

  @Test
  void beamRepeatsAMalformedCredentialsOptionInItsError() {
    // PipelineOptionsFactory quotes the value it cannot parse; a command line must not print that
    // message as it is for credential options.
    String secret = s3.secretKey();
    String malformed = "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\",\"accessKeyId\":\"k\","
        + "\"secretAccessKey\":\"" + secret + "\"";

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PipelineOptionsFactory.fromArgs(malformed).withValidation().as(AwsOptions.class));

    assertTrue(e.getMessage().startsWith("Unable to parse JSON value {"), e.getMessage());
    assertTrue(e.getMessage().contains(secret));
  }
}
