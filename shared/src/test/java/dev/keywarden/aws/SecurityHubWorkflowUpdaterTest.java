package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.securityhub.WorkflowUpdater;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingIdentifier;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsUnprocessedFinding;
import software.amazon.awssdk.services.securityhub.model.WorkflowStatus;

class SecurityHubWorkflowUpdaterTest {
  private static final String PRODUCT =
      "arn:aws:securityhub:eu-west-1:999988887777:product/999988887777/default";

  @Test
  void request_namesEachFindingByIdAndProduct_andCarriesTheStatusAndTheNote() {
    BatchUpdateFindingsRequest request =
        SecurityHubWorkflowUpdater.request(
            new WorkflowUpdater.Change(
                PRODUCT, "SUPPRESSED", Optional.of("Exempt until 2099-12-31: migrating to roles")),
            List.of("keywarden/1/a/x", "keywarden/1/b/y"));

    assertThat(request.findingIdentifiers())
        .containsExactly(
            AwsSecurityFindingIdentifier.builder()
                .id("keywarden/1/a/x")
                .productArn(PRODUCT)
                .build(),
            AwsSecurityFindingIdentifier.builder()
                .id("keywarden/1/b/y")
                .productArn(PRODUCT)
                .build());
    assertThat(request.workflow().status()).isEqualTo(WorkflowStatus.SUPPRESSED);
    assertThat(request.note().text()).isEqualTo("Exempt until 2099-12-31: migrating to roles");
    assertThat(request.note().updatedBy()).isEqualTo("keywarden");
    assertThat(request.severity()).as("only the workflow and the note").isNull();
    assertThat(request.hasUserDefinedFields()).isFalse();
    assertThat(request.verificationState()).isNull();
  }

  @Test
  void request_withoutANote_sendsNone() {
    BatchUpdateFindingsRequest request =
        SecurityHubWorkflowUpdater.request(
            new WorkflowUpdater.Change(PRODUCT, "RESOLVED", Optional.empty()),
            List.of("keywarden/1/a/x"));

    assertThat(request.workflow().status()).isEqualTo(WorkflowStatus.RESOLVED);
    assertThat(request.note()).isNull();
  }

  @Test
  void request_takesOneTo100Findings() {
    WorkflowUpdater.Change change = new WorkflowUpdater.Change(PRODUCT, "NEW", Optional.empty());
    List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "id-" + i).toList();

    assertThat(SecurityHubWorkflowUpdater.request(change, hundred).findingIdentifiers())
        .hasSize(100);
    assertThatThrownBy(
            () ->
                SecurityHubWorkflowUpdater.request(
                    change, IntStream.range(0, 101).mapToObj(i -> "id-" + i).toList()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("101");
    assertThatThrownBy(() -> SecurityHubWorkflowUpdater.request(change, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unprocessed_givesEachFindingItsError() {
    BatchUpdateFindingsResponse response =
        BatchUpdateFindingsResponse.builder()
            .processedFindings(
                AwsSecurityFindingIdentifier.builder().id("ok").productArn(PRODUCT).build())
            .unprocessedFindings(
                BatchUpdateFindingsUnprocessedFinding.builder()
                    .findingIdentifier(
                        AwsSecurityFindingIdentifier.builder()
                            .id("left")
                            .productArn(PRODUCT)
                            .build())
                    .errorCode("FindingNotFound")
                    .errorMessage("not yet")
                    .build())
            .build();

    assertThat(SecurityHubWorkflowUpdater.unprocessed(response))
        .containsExactly(java.util.Map.entry("left", "FindingNotFound: not yet"));
  }

  @Test
  void unknownOperation_isNotImplementedOrNoSuchPath_butNotAMissingResourceOrThrottling() {
    assertThat(SecurityHubWorkflowUpdater.unknownOperation(501, null)).isTrue();
    assertThat(SecurityHubWorkflowUpdater.unknownOperation(404, null)).isTrue();
    assertThat(SecurityHubWorkflowUpdater.unknownOperation(400, "UnknownOperationException"))
        .isTrue();
    assertThat(SecurityHubWorkflowUpdater.unknownOperation(400, "InvalidAction")).isTrue();
    assertThat(SecurityHubWorkflowUpdater.unknownOperation(404, "ResourceNotFoundException"))
        .isFalse();
    assertThat(SecurityHubWorkflowUpdater.unknownOperation(429, "TooManyRequestsException"))
        .isFalse();
    assertThat(SecurityHubWorkflowUpdater.unknownOperation(400, "InvalidInputException")).isFalse();
    assertThat(SecurityHubWorkflowUpdater.unknownOperation(500, "InternalException")).isFalse();
  }
}
