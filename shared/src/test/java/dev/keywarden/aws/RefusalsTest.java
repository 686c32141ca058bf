package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.inventory.Reading;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class RefusalsTest {
  private static AwsServiceException error(int status, String code) {
    return AwsServiceException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build())
        .build();
  }

  @Test
  void read_whenCallSucceeds_holdsTheValue() {
    assertThat(Refusals.read("iam:X", "role", () -> 3).value()).contains(3);
  }

  @Test
  void read_whenDenied_isMissingNamingTheActionToGrant() {
    Reading<Integer> reading =
        Refusals.read(
            "iam:ListServerCertificates",
            "arn:aws:sts::1:assumed-role/r/s",
            () -> {
              throw error(403, "AccessDenied");
            });

    assertThat(reading.missingBecause())
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .contains(
                        "iam:ListServerCertificates was denied for arn:aws:sts::1:assumed-role/r/s",
                        "grant it"));
  }

  @Test
  void read_whenHttp500WithoutAwsErrorCode_isMissingAsUnknown() {
    Reading<Integer> reading =
        Refusals.read(
            "iam:ListOrganizationsFeatures",
            "role",
            () -> {
              throw error(500, null);
            });

    assertThat(reading.missingBecause())
        .hasValueSatisfying(
            r -> assertThat(r).contains("refused iam:ListOrganizationsFeatures as unknown"));
  }

  @Test
  void read_whenInvalidActionCode_isMissingAsUnknown() {
    assertThat(
            Refusals.read(
                    "iam:X",
                    "role",
                    () -> {
                      throw error(400, "InvalidAction");
                    })
                .missingBecause())
        .hasValueSatisfying(r -> assertThat(r).contains("as unknown", "InvalidAction"));
  }

  @Test
  void read_whenHttp500WithAnAwsCode_isAFailureNotARefusal() {
    assertThatThrownBy(
            () ->
                Refusals.read(
                    "iam:X",
                    "role",
                    () -> {
                      throw error(500, "ServiceFailure");
                    }))
        .isInstanceOf(AwsServiceException.class);
  }

  @Test
  void read_whenThrottled_isAFailureNotARefusal() {
    assertThatThrownBy(
            () ->
                Refusals.read(
                    "iam:X",
                    "role",
                    () -> {
                      throw error(400, "Throttling");
                    }))
        .isInstanceOf(AwsServiceException.class);
  }
}
