package dev.keywarden.aws;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns the SDK's failures to reach AWS at all (no credentials, rejected credentials, an endpoint
 * that cannot be reached or stops answering) into one line that names the cause and the fix,
 * instead of the provider chain's dump.
 */
public final class AwsErrors {
  private static final Set<String> REJECTED =
      Set.of(
          "InvalidClientTokenId",
          "SignatureDoesNotMatch",
          "ExpiredToken",
          "ExpiredTokenException",
          "UnrecognizedClientException",
          "InvalidAccessKeyId",
          "AuthFailure",
          "InvalidSignatureException");

  private AwsErrors() {}

  /**
   * One line for the failure, when it (or a cause) is one of those; empty for anything else.
   *
   * @param endpoint the endpoint the calls went to, when one was given, to name it
   */
  public static Optional<String> explain(Throwable failure, Optional<String> endpoint) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof AwsServiceException service
          && service.awsErrorDetails() != null
          && REJECTED.contains(service.awsErrorDetails().errorCode())) {
        return Optional.of(
            "AWS rejected the credentials ("
                + service.awsErrorDetails().errorCode()
                + "): they are wrong,"
                + " expired or for another partition; refresh them (aws sso login --profile NAME, or new keys) or use another --profile");
      }
      if (t instanceof ApiCallTimeoutException) {
        return Optional.of(
            endpoint.map(e -> "the endpoint " + e).orElse("AWS")
                + " stopped answering: a call timed out"
                + " with its retries; check the network"
                + endpoint.map(e -> " or that the emulator at " + e + " is running").orElse(""));
      }
      if (t instanceof SdkClientException client && client.getMessage() != null) {
        String message = client.getMessage();
        if (message.startsWith("Unable to load credentials from any of the providers")) {
          return Optional.of(
              "no AWS credentials found: pass --profile NAME (a profile in ~/.aws/config, after"
                  + " 'aws sso login --profile NAME' for SSO), or set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        }
        if (message.startsWith("Profile file contained no credentials for profile")) {
          String name = message.replaceAll("^[^']*'([^']*)'.*$", "$1");
          return Optional.of(
              "profile '"
                  + name
                  + "' gives no credentials: for SSO run 'aws sso login --profile "
                  + name
                  + "'; otherwise add aws_access_key_id and aws_secret_access_key or role_arn and source_profile to it");
        }
        if (message.contains("Token has expired")
            || message.contains("The SSO session associated with this profile has expired")) {
          return Optional.of(
              "the SSO session has expired: run 'aws sso login' for the profile, then again");
        }
      }
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException) {
        return Optional.of(
            "cannot reach "
                + endpoint.map(e -> "the endpoint URL " + e).orElse("AWS")
                + " ("
                + t.getClass().getSimpleName()
                + "): check the URL, the network"
                + endpoint.map(e -> ", or start the emulator").orElse(""));
      }
      if (t instanceof SocketTimeoutException) {
        return Optional.of(
            endpoint.map(e -> "the endpoint " + e).orElse("AWS")
                + " did not answer in time: check the network");
      }
    }
    return Optional.empty();
  }
}
