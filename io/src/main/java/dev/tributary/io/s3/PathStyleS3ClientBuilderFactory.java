package dev.tributary.io.s3;

import org.apache.beam.sdk.io.aws2.options.S3ClientBuilderFactory;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds Beam's S3 clients exactly as Beam's default factory does (region, endpoint, credentials, proxy
 * and HTTP settings from {@link S3Options}), with path-style addressing: requests go to {@code
 * http://host:port/bucket/key} rather than {@code http://bucket.host:port/key}.
 *
 * <p>S3-compatible servers (MinIO, Ceph, S3Proxy, a server on {@code localhost}) usually need it, since
 * their host names have no per-bucket DNS entries. Beam's {@link S3Options} has no switch for it; select
 * this class with the option {@code --s3ClientFactoryClass=dev.tributary.io.s3.PathStyleS3ClientBuilderFactory},
 * or set {@code --s3PathStyleAccess=true} in a job that uses {@link TributaryS3Options}. Being an option,
 * the choice travels with the pipeline options to every worker on every runner.
 *
 * <p>The AWS SDK already addresses an endpoint given as an IP address (such as {@code
 * http://127.0.0.1:9000}) path-style by itself.
 */
public class PathStyleS3ClientBuilderFactory implements S3ClientBuilderFactory {
  private final DefaultS3ClientBuilderFactory defaults = new DefaultS3ClientBuilderFactory();

  /** Beam creates the factory reflectively from the option, through this constructor. */
  public PathStyleS3ClientBuilderFactory() {}

  @Override
  public S3ClientBuilder createBuilder(S3Options options) {
    return defaults.createBuilder(options).forcePathStyle(true);
  }
}
