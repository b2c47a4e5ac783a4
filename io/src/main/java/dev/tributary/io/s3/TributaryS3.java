package dev.tributary.io.s3;

import java.net.URI;
import java.util.Locale;
import org.apache.beam.sdk.io.aws2.options.AwsOptions;
import org.apache.beam.sdk.io.aws2.options.S3ClientBuilderFactory;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.checkerframework.checker.nullness.qual.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * Turns {@link TributaryS3Options} into the settings Beam's S3 file system reads. Call {@link #configure}
 * once on a job's options, right after parsing them and before anything registers file systems ({@code
 * FileSystems.setDefaultPipelineOptions}, {@code p.run()}), so that what it sets travels with the options
 * to every worker.
 *
 * <p>Why every job should call it, S3 or not: once Beam's AWS module is on the class path, registering
 * file systems builds the S3 file system's client builder, which asks for the region; Beam's default for
 * {@code --awsRegion} is the AWS SDK's full region chain, whose last step calls the EC2 instance metadata
 * service (169.254.169.254) with retries, seconds of delay on any machine that is not an EC2 instance.
 * {@link #configure} settles the region first, without that step.
 */
public final class TributaryS3 {
  /** The class name that {@code --s3ClientFactoryClass} takes for path-style addressing. */
  public static final String PATH_STYLE_FACTORY_NAME = "dev.tributary.io.s3.PathStyleS3ClientBuilderFactory";

  /** The region used when none is given or configured; also the default of S3-compatible servers. */
  public static final Region DEFAULT_REGION = Region.US_EAST_1;

  private static final String REGION_OPTION = "awsRegion";

  private TributaryS3() {}

  /**
   * Checks and completes the S3 options:
   *
   * <ul>
   *   <li>{@code --s3PathStyleAccess=true} selects {@link PathStyleS3ClientBuilderFactory}, unless
   *       {@code --s3ClientFactoryClass} names another factory, which is a contradiction.
   *   <li>{@code --endpoint}, if given, must be an absolute http or https URL with a host.
   *   <li>Without {@code --awsRegion}, the region is taken from the {@code aws.region} system property or
   *       the {@code AWS_REGION} environment variable, else from the AWS profile ({@code ~/.aws/config},
   *       {@code AWS_PROFILE}, {@code AWS_CONFIG_FILE}), else it is {@link #DEFAULT_REGION}. The EC2
   *       instance metadata service is never asked: on EC2, give {@code --awsRegion} or {@code
   *       AWS_REGION}.
   * </ul>
   *
   * @throws IllegalArgumentException with a message fit to show the user, for a bad value
   */
  public static void configure(PipelineOptions options) {
    TributaryS3Options s3 = options.as(TributaryS3Options.class);
    Class<? extends S3ClientBuilderFactory> factory = s3.getS3ClientFactoryClass();
    if (s3.getS3PathStyleAccess()) {
      if (factory == null || factory == DefaultS3ClientBuilderFactory.class) {
        s3.setS3ClientFactoryClass(PathStyleS3ClientBuilderFactory.class);
      } else if (!PathStyleS3ClientBuilderFactory.class.isAssignableFrom(factory)) {
        throw new IllegalArgumentException(
            "--s3PathStyleAccess=true cannot be combined with --s3ClientFactoryClass="
                + factory.getName()
                + "; drop one of them (that factory decides the addressing style itself)");
      }
    }
    URI endpoint = s3.getEndpoint();
    if (endpoint != null) {
      checkEndpoint(endpoint);
    }
    if (!isSet(options, REGION_OPTION)) {
      // Reading getAwsRegion() here would run Beam's default, the chain that ends at the metadata service.
      Region configured = regionWithoutInstanceMetadata();
      s3.setAwsRegion(configured != null ? configured : DEFAULT_REGION);
    }
  }

  /** The region from system settings or the AWS profile, or null; nothing over the network. */
  static @Nullable Region regionWithoutInstanceMetadata() {
    try {
      return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
          .getRegion();
    } catch (SdkClientException e) {
      return null;
    }
  }

  /**
   * Whether the option was given (on the command line, by a setter, or in deserialized options) rather
   * than left to its default. Beam's display data of options lists exactly those; the value is not read.
   */
  private static boolean isSet(PipelineOptions options, String name) {
    for (DisplayData.Item item : DisplayData.from(options).items()) {
      if (item.getKey().equals(name) && AwsOptions.class.equals(item.getNamespace())) {
        return true;
      }
    }
    return false;
  }

  private static void checkEndpoint(URI endpoint) {
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
      throw new IllegalArgumentException(
          "--endpoint must be an http or https URL such as http://127.0.0.1:9000, got '"
              + withoutUserInfo(endpoint)
              + "'");
    }
  }

  /** Error messages never repeat a {@code user:password@} part. */
  private static String withoutUserInfo(URI endpoint) {
    return endpoint.toString().replaceFirst("^([^/]*//)[^/@]*@", "$1***@");
  }
}
