package dev.keywarden.emulator;

import java.net.URI;
import java.util.Objects;

/**
 * Everything a consumer needs to point AWS SDK clients at a local emulator, without this module
 * depending on the SDK.
 *
 * @param endpoint base URL every service is reached on, for example {@code http://127.0.0.1:41234}
 * @param region region the clients should sign for
 * @param accessKeyId access key id the clients should sign with
 * @param secretAccessKey secret key the clients should sign with (left out of {@link #toString()})
 */
public record AwsEndpoint(URI endpoint, String region, String accessKeyId, String secretAccessKey) {

  /** Region the emulator's resources live in unless a client asks for another. */
  public static final String DEFAULT_REGION = "us-east-1";

  /** Access key id the emulator accepts; it checks no signature unless told to. */
  public static final String DEFAULT_ACCESS_KEY_ID = "testing";

  /** Secret key paired with {@link #DEFAULT_ACCESS_KEY_ID}. */
  public static final String DEFAULT_SECRET_ACCESS_KEY = "testing";

  public AwsEndpoint {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
  }

  /** An endpoint with the emulator's default region and credentials. */
  public static AwsEndpoint withDefaults(URI endpoint) {
    return new AwsEndpoint(
        endpoint, DEFAULT_REGION, DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY);
  }

  @Override
  public String toString() {
    return "AwsEndpoint[endpoint="
        + endpoint
        + ", region="
        + region
        + ", accessKeyId="
        + accessKeyId
        + ", secretAccessKey=***]";
  }
}
