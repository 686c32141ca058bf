package dev.keywarden.aws;

import dev.keywarden.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach AWS, as the command line or the function's environment says it: every field that is
 * empty is left to the SDK's own resolution (region chain, {@code AWS_ENDPOINT_URL*}, default
 * credentials chain), so that one factory serves a profile, a Lambda role and the local emulator.
 *
 * @param region the region to call; empty for {@code AWS_REGION} / the profile, then {@code
 *     us-east-1}
 * @param endpoint an endpoint override for every client; empty for the SDK's standard endpoint
 *     settings ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_IAM}, profile {@code
 *     endpoint_url})
 * @param profile the named profile for credentials (SSO profiles included); empty for the default
 *     chain, which itself honours {@code AWS_PROFILE}
 * @param staticCredentials fixed keys, used before any profile; meant for the emulator
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for data on an open connection
 * @param maxAttempts how many times one call is tried, the first one included
 */
public record ClientSettings(
    Optional<String> region,
    Optional<URI> endpoint,
    Optional<String> profile,
    Optional<StaticCredentials> staticCredentials,
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts) {

  /** Connection set-up is quick or broken; fail fast and let the retry strategy try again. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Large credential reports and authorization-detail pages can take a while to come back. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

  /** IAM throttles at low rates; eight attempts with backoff ride out a burst. */
  public static final int DEFAULT_MAX_ATTEMPTS = 8;

  public ClientSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(staticCredentials, "staticCredentials");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    region.ifPresent(r -> requireText(r, "region"));
    profile.ifPresent(p -> requireText(p, "profile"));
    endpoint.ifPresent(ClientSettings::requireAbsolute);
    requirePositive(connectTimeout, "connect timeout");
    requirePositive(readTimeout, "read timeout");
    if (maxAttempts < 1) {
      throw new InvalidInputException(
          "max attempts must be at least 1, was " + maxAttempts + ": use 1 to disable retries");
    }
  }

  /** Everything from the SDK's standard settings: the environment, the profile files, the role. */
  public static ClientSettings defaults() {
    return new ClientSettings(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT,
        DEFAULT_MAX_ATTEMPTS);
  }

  /** Credentials (and, unless set, the region) of a named profile, such as an SSO profile. */
  public static ClientSettings forProfile(String profile) {
    return defaults().withProfile(profile);
  }

  /** A fixed endpoint with fixed keys: the local emulator. */
  public static ClientSettings forEndpoint(
      URI endpoint, String region, String accessKeyId, String secretAccessKey) {
    return defaults()
        .withEndpoint(endpoint)
        .withRegion(region)
        .withStaticCredentials(accessKeyId, secretAccessKey);
  }

  /**
   * No single attempt of a call takes longer than this (a connection, then the answer): an endpoint
   * that accepts but stops answering, such as a paused emulator, fails the attempt instead of
   * holding it.
   */
  public Duration attemptTimeout() {
    return connectTimeout.plus(readTimeout);
  }

  /**
   * No call, with all its retries and backoff, takes longer than this (three attempts' worth: 3 min
   * 15 s by default), so that a run whose endpoint stops answering ends with an error instead of
   * hanging.
   */
  public Duration callTimeout() {
    return attemptTimeout().multipliedBy(3);
  }

  public ClientSettings withRegion(String newRegion) {
    return new ClientSettings(
        Optional.of(newRegion),
        endpoint,
        profile,
        staticCredentials,
        connectTimeout,
        readTimeout,
        maxAttempts);
  }

  public ClientSettings withEndpoint(URI newEndpoint) {
    return new ClientSettings(
        region,
        Optional.of(newEndpoint),
        profile,
        staticCredentials,
        connectTimeout,
        readTimeout,
        maxAttempts);
  }

  public ClientSettings withProfile(String newProfile) {
    return new ClientSettings(
        region,
        endpoint,
        Optional.of(newProfile),
        staticCredentials,
        connectTimeout,
        readTimeout,
        maxAttempts);
  }

  public ClientSettings withStaticCredentials(String accessKeyId, String secretAccessKey) {
    return new ClientSettings(
        region,
        endpoint,
        profile,
        Optional.of(new StaticCredentials(accessKeyId, secretAccessKey)),
        connectTimeout,
        readTimeout,
        maxAttempts);
  }

  public ClientSettings withTimeouts(Duration newConnectTimeout, Duration newReadTimeout) {
    return new ClientSettings(
        region,
        endpoint,
        profile,
        staticCredentials,
        newConnectTimeout,
        newReadTimeout,
        maxAttempts);
  }

  public ClientSettings withMaxAttempts(int newMaxAttempts) {
    return new ClientSettings(
        region, endpoint, profile, staticCredentials, connectTimeout, readTimeout, newMaxAttempts);
  }

  private static void requireText(String value, String setting) {
    if (value.isBlank()) {
      throw new InvalidInputException(
          setting + " must not be blank: leave it unset to use the SDK's default");
    }
  }

  private static void requireAbsolute(URI uri) {
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new InvalidInputException(
          "endpoint must be an absolute URL with a host, such as http://127.0.0.1:5000, was '"
              + uri
              + "'");
    }
  }

  private static void requirePositive(Duration value, String setting) {
    if (value.isNegative() || value.isZero()) {
      throw new InvalidInputException(setting + " must be positive, was " + value);
    }
  }

  /**
   * An access key pair given outright; its {@code toString} never shows the secret.
   *
   * @param accessKeyId the access key id
   * @param secretAccessKey the secret access key
   */
  public record StaticCredentials(String accessKeyId, String secretAccessKey) {
    public StaticCredentials {
      requireText(Objects.requireNonNull(accessKeyId, "accessKeyId"), "access key id");
      requireText(Objects.requireNonNull(secretAccessKey, "secretAccessKey"), "secret access key");
    }

    @Override
    public String toString() {
      return "StaticCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }
  }
}
