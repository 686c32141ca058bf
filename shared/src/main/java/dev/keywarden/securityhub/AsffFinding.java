package dev.keywarden.securityhub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Keywarden finding in the AWS Security Finding Format, in the project's own types, so that the
 * mapping is tested without the SDK; {@code dev.keywarden.aws.SecurityHubImporter} turns it into
 * the SDK's model.
 *
 * @param id stable across runs: {@code keywarden/<account>/<check id>/<resource id>}
 * @param productArn the importing account's custom-integration product
 * @param generatorId {@code keywarden/<check id>}
 * @param awsAccountId the member account the finding is about
 * @param region the region of the product ARN
 * @param types ASFF finding types ({@code namespace/category/classifier})
 * @param createdAt when Keywarden first found it
 * @param updatedAt when this version was sent
 * @param severityLabel INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL
 * @param severityOriginal Keywarden's own severity label
 * @param title the check's title (at most 256 characters)
 * @param description the finding's text (at most 1,024 characters)
 * @param resources what the finding is about; one resource
 * @param complianceStatus PASSED for a resolved finding, FAILED otherwise
 * @param relatedRequirements CIS recommendations and Security Hub control ids
 * @param remediationText what to do (at most 512 characters)
 * @param userDefinedFields the owner, the check id, Keywarden's status, deadline and exemption
 * @param recordState ACTIVE, or ARCHIVED once resolved
 * @param workflowStatus NEW, SUPPRESSED (exempt) or RESOLVED
 * @param noteText for an exempt finding, its reason and last day
 */
public record AsffFinding(
    String id,
    String productArn,
    String generatorId,
    String awsAccountId,
    String region,
    List<String> types,
    Instant createdAt,
    Instant updatedAt,
    String severityLabel,
    String severityOriginal,
    String title,
    String description,
    List<Resource> resources,
    String complianceStatus,
    List<String> relatedRequirements,
    String remediationText,
    Map<String, String> userDefinedFields,
    String recordState,
    String workflowStatus,
    Optional<String> noteText) {

  /** The schema version every finding declares. */
  public static final String SCHEMA_VERSION = "2018-10-08";

  public AsffFinding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(productArn, "productArn");
    Objects.requireNonNull(generatorId, "generatorId");
    Objects.requireNonNull(awsAccountId, "awsAccountId");
    Objects.requireNonNull(region, "region");
    types = List.copyOf(types);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(severityLabel, "severityLabel");
    Objects.requireNonNull(severityOriginal, "severityOriginal");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    resources = List.copyOf(resources);
    Objects.requireNonNull(complianceStatus, "complianceStatus");
    relatedRequirements = List.copyOf(relatedRequirements);
    Objects.requireNonNull(remediationText, "remediationText");
    userDefinedFields = Map.copyOf(userDefinedFields);
    Objects.requireNonNull(recordState, "recordState");
    Objects.requireNonNull(workflowStatus, "workflowStatus");
    Objects.requireNonNull(noteText, "noteText");
  }

  /**
   * The resource a finding is about.
   *
   * @param type AwsIamUser, AwsIamAccessKey, AwsIamRole, AwsIamPolicy or AwsAccount
   * @param id its ARN, the user's ARN with {@code #access_key_1}/{@code #access_key_2} for a key,
   *     or {@code AWS::::Account:<id>} for the account
   * @param partition the ARN partition
   * @param region the region the finding is reported in (IAM is global)
   * @param name the user, role or policy name; for a key, its user
   */
  public record Resource(
      String type, String id, String partition, String region, Optional<String> name) {
    public Resource {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(partition, "partition");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * What this finding says, apart from when it was sent: two findings with the same fingerprint
   * would show a Security Hub user the same thing, so the second is not sent. It is the {@link
   * #contentFingerprint() content} and the {@link #workflowFingerprint() workflow} together.
   */
  public String fingerprint() {
    return contentFingerprint() + "/" + workflowFingerprint();
  }

  /**
   * What {@code BatchImportFindings} changes in a finding Security Hub already holds: everything
   * but when it was sent, its workflow status and its note.
   */
  public String contentFingerprint() {
    return digest(
        List.of(
            id,
            productArn,
            generatorId,
            awsAccountId,
            region,
            types,
            createdAt,
            severityLabel,
            severityOriginal,
            title,
            description,
            resources,
            complianceStatus,
            relatedRequirements,
            remediationText,
            new TreeMap<>(userDefinedFields),
            recordState));
  }

  /**
   * What only {@code BatchUpdateFindings} changes in a finding Security Hub already holds: workflow
   * status and note.
   */
  public String workflowFingerprint() {
    return digest(List.of(workflowStatus, noteText));
  }

  private static String digest(List<Object> parts) {
    StringBuilder text = new StringBuilder();
    for (Object part : parts) {
      text.append(part).append('\u0000');
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
