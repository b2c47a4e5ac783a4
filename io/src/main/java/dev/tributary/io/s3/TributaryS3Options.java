package dev.tributary.io.s3;

import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * The options for reading {@code s3://bucket/prefix/} paths, for a job's options interface to extend:
 * Beam's {@link S3Options} (and through it {@link org.apache.beam.sdk.io.aws2.options.AwsOptions}) plus
 * a path-style switch. Extending it makes {@code --help} list them; {@link TributaryS3#configure} must
 * then run on the options before the pipeline runs.
 *
 * <p>What a user types (all are ordinary pipeline options, so they reach every worker on any runner):
 *
 * <ul>
 *   <li>{@code --endpoint=http://127.0.0.1:9000}: an S3-compatible server instead of AWS (Beam's option).
 *   <li>{@code --awsRegion=eu-west-1}: the region (Beam's option). Without it, {@link
 *       TributaryS3#configure} takes {@code AWS_REGION} (or the {@code aws.region} property), else the
 *       profile's region in {@code ~/.aws/config}, else {@code us-east-1}, the default of S3-compatible
 *       servers too. It never asks the EC2 instance metadata service: on EC2, set one of them.
 *   <li>{@code --s3PathStyleAccess=true}: address buckets as {@code host/bucket} (this interface).
 *   <li>Credentials: by default the standard AWS chain (environment variables {@code AWS_ACCESS_KEY_ID}
 *       and {@code AWS_SECRET_ACCESS_KEY}, system properties {@code aws.accessKeyId} and {@code
 *       aws.secretAccessKey}, {@code ~/.aws/credentials} with {@code AWS_PROFILE}, container and instance
 *       roles). Or Beam's option {@code --awsCredentialsProvider}, a JSON object such as {@code
 *       {"@type":"ProfileCredentialsProvider","profileName":"logs"}} or {@code
 *       {"@type":"StaticCredentialsProvider","accessKeyId":"...","secretAccessKey":"..."}}. Prefer the
 *       chain: a key on the command line shows in the process list and shell history, and Beam ships
 *       static keys inside the serialized pipeline options.
 * </ul>
 */
public interface TributaryS3Options extends S3Options {
  @Description(
      "S3: address buckets path-style (http://host:port/bucket/key) instead of virtual-host style "
          + "(http://bucket.host:port/key). S3-compatible servers such as MinIO or S3Proxy usually need it "
          + "with --endpoint. Same as --s3ClientFactoryClass=" + TributaryS3.PATH_STYLE_FACTORY_NAME + ".")
  @Default.Boolean(false)
  boolean getS3PathStyleAccess();

  void setS3PathStyleAccess(boolean value);
}
