package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import dev.keywarden.KeywardenException;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sts.model.StsException;

class AwsErrorsTest {
  private static final String CHAIN =
      "Unable to load credentials from any of the providers in the chain"
          + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), ...]) : [...]";

  @Test
  void explain_whenNoCredentialsAnywhere_namesCauseAndFixWithoutTheChain() {
    Optional<String> line = AwsErrors.explain(SdkClientException.create(CHAIN), Optional.empty());

    assertThat(line)
        .hasValueSatisfying(
            l ->
                assertThat(l)
                    .startsWith("no AWS credentials found: pass --profile NAME")
                    .doesNotContain("Provider")
                    .doesNotContain("unexpected")
                    .doesNotContain("\n"));
  }

  @Test
  void explain_whenWrappedInOurOwnException_stillFindsTheCause() {
    KeywardenException wrapped =
        new KeywardenException(
            "sts:GetCallerIdentity failed: " + CHAIN, SdkClientException.create(CHAIN));

    assertThat(AwsErrors.explain(wrapped, Optional.empty()))
        .hasValueSatisfying(l -> assertThat(l).startsWith("no AWS credentials found"));
  }

  @Test
  void explain_whenProfileHasNoCredentials_namesTheProfileAndSsoLogin() {
    SdkClientException e =
        SdkClientException.create(
            "Profile file contained no credentials for profile 'prod': ProfileFile(sections=[])");

    assertThat(AwsErrors.explain(e, Optional.empty()))
        .contains(
            "profile 'prod' gives no credentials: for SSO run 'aws sso login --profile prod'; otherwise add"
                + " aws_access_key_id and aws_secret_access_key or role_arn and source_profile to it");
  }

  @Test
  void explain_whenCredentialsRejected_givesTheErrorCode() {
    StsException rejected =
        (StsException)
            StsException.builder()
                .statusCode(403)
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("InvalidClientTokenId")
                        .errorMessage("bad")
                        .build())
                .build();

    assertThat(AwsErrors.explain(rejected, Optional.empty()))
        .hasValueSatisfying(
            l -> assertThat(l).startsWith("AWS rejected the credentials (InvalidClientTokenId):"));
  }

  @Test
  void explain_whenEndpointRefusesConnections_namesTheUrl() {
    SdkClientException e =
        SdkClientException.builder()
            .message("Unable to execute HTTP request: Connection refused")
            .cause(new ConnectException("Connection refused"))
            .build();

    assertThat(AwsErrors.explain(e, Optional.of("http://127.0.0.1:9")))
        .hasValueSatisfying(
            l ->
                assertThat(l)
                    .startsWith(
                        "cannot reach the endpoint URL http://127.0.0.1:9 (ConnectException)"));
  }

  @Test
  void explain_whenSomethingElse_isEmpty() {
    assertThat(AwsErrors.explain(new IllegalStateException("x"), Optional.empty())).isEmpty();
  }

  @Test
  void requireProfile_whenProfileAbsent_isABadFlagListingTheProfilesThere() {
    ProfileFile profiles =
        ProfileFile.builder()
            .type(ProfileFile.Type.CONFIGURATION)
            .content(
                new ByteArrayInputStream(
                    "[profile audit]\nregion = eu-west-3\n[default]\nregion = us-east-1\n"
                        .getBytes(StandardCharsets.UTF_8)))
            .build();

    assertThatThrownBy(
            () -> AwsClientFactory.requireProfile("prod-audit", Optional.of(() -> profiles)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "--profile prod-audit is not in ~/.aws/config or ~/.aws/credentials (profiles there: audit, default);"
                + " create it with 'aws configure sso --profile prod-audit' or 'aws configure --profile prod-audit'");
  }

  @Test
  void requireProfile_whenProfilePresent_acceptsIt() {
    ProfileFile profiles =
        ProfileFile.builder()
            .type(ProfileFile.Type.CONFIGURATION)
            .content(
                new ByteArrayInputStream(
                    "[profile audit]\nregion = eu-west-3\n".getBytes(StandardCharsets.UTF_8)))
            .build();

    AwsClientFactory.requireProfile("audit", Optional.of(() -> profiles));
  }
}
