package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import dev.keywarden.securityhub.AsffFinding;
import dev.keywarden.securityhub.FindingsImporter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsIamAccessKeyDetails;
import software.amazon.awssdk.services.securityhub.model.AwsIamPolicyDetails;
import software.amazon.awssdk.services.securityhub.model.AwsIamRoleDetails;
import software.amazon.awssdk.services.securityhub.model.AwsIamUserDetails;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.Compliance;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;
import software.amazon.awssdk.services.securityhub.model.Note;
import software.amazon.awssdk.services.securityhub.model.Recommendation;
import software.amazon.awssdk.services.securityhub.model.Remediation;
import software.amazon.awssdk.services.securityhub.model.Resource;
import software.amazon.awssdk.services.securityhub.model.ResourceDetails;
import software.amazon.awssdk.services.securityhub.model.Severity;
import software.amazon.awssdk.services.securityhub.model.Workflow;

/**
 * Imports findings into Security Hub with {@code BatchImportFindings}, in the importing account's
 * product.
 */
public final class SecurityHubImporter implements FindingsImporter {
  private final SecurityHubClient client;

  private SecurityHubImporter(SecurityHubClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  public static SecurityHubImporter create(SecurityHubClient client) {
    return new SecurityHubImporter(client);
  }

  @Override
  public Map<String, String> importBatch(List<AsffFinding> findings) {
    if (findings.size() > MAX_BATCH) {
      throw new IllegalArgumentException(
          "BatchImportFindings takes at most " + MAX_BATCH + " findings, not " + findings.size());
    }
    List<AwsSecurityFinding> batch = findings.stream().map(SecurityHubImporter::toSdk).toList();
    BatchImportFindingsResponse response;
    try {
      response = client.batchImportFindings(r -> r.findings(batch));
    } catch (SdkException e) {
      throw new KeywardenException(
          "securityhub:BatchImportFindings of "
              + findings.size()
              + " finding(s) failed: "
              + e.getMessage(),
          e);
    }
    Map<String, String> failed = new LinkedHashMap<>();
    for (ImportFindingsError error : response.failedFindings()) {
      failed.put(error.id(), error.errorCode() + ": " + error.errorMessage());
    }
    return failed;
  }

  /** The SDK's form of one finding. */
  static AwsSecurityFinding toSdk(AsffFinding f) {
    AwsSecurityFinding.Builder b =
        AwsSecurityFinding.builder()
            .schemaVersion(AsffFinding.SCHEMA_VERSION)
            .id(f.id())
            .productArn(f.productArn())
            .generatorId(f.generatorId())
            .awsAccountId(f.awsAccountId())
            .region(f.region())
            .productName("Keywarden")
            .companyName("Keywarden")
            .types(f.types())
            .createdAt(f.createdAt().toString())
            .firstObservedAt(f.createdAt().toString())
            .updatedAt(f.updatedAt().toString())
            .severity(
                Severity.builder().label(f.severityLabel()).original(f.severityOriginal()).build())
            .title(f.title())
            .description(f.description())
            .resources(f.resources().stream().map(SecurityHubImporter::resource).toList())
            .compliance(
                Compliance.builder()
                    .status(f.complianceStatus())
                    .relatedRequirements(f.relatedRequirements())
                    .build())
            .remediation(
                Remediation.builder()
                    .recommendation(Recommendation.builder().text(f.remediationText()).build())
                    .build())
            .userDefinedFields(f.userDefinedFields())
            .recordState(f.recordState())
            .workflow(Workflow.builder().status(f.workflowStatus()).build());
    f.noteText()
        .ifPresent(
            text ->
                b.note(
                    Note.builder()
                        .text(text)
                        .updatedBy("keywarden")
                        .updatedAt(f.updatedAt().toString())
                        .build()));
    return b.build();
  }

  private static Resource resource(AsffFinding.Resource r) {
    Resource.Builder b =
        Resource.builder().type(r.type()).id(r.id()).partition(r.partition()).region(r.region());
    r.name()
        .ifPresent(
            name -> {
              switch (r.type()) {
                case "AwsIamUser" ->
                    b.details(
                        ResourceDetails.builder()
                            .awsIamUser(AwsIamUserDetails.builder().userName(name).build())
                            .build());
                case "AwsIamAccessKey" ->
                    b.details(
                        ResourceDetails.builder()
                            .awsIamAccessKey(
                                AwsIamAccessKeyDetails.builder()
                                    .principalName(name)
                                    .principalType("IAMUser")
                                    .build())
                            .build());
                case "AwsIamRole" ->
                    b.details(
                        ResourceDetails.builder()
                            .awsIamRole(AwsIamRoleDetails.builder().roleName(name).build())
                            .build());
                case "AwsIamPolicy" ->
                    b.details(
                        ResourceDetails.builder()
                            .awsIamPolicy(AwsIamPolicyDetails.builder().policyName(name).build())
                            .build());
                default -> {}
              }
            });
    return b.build();
  }
}
