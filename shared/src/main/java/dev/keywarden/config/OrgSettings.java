package dev.keywarden.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which accounts of the Organization an audit covers and how it enters them, so that the dispatcher
 * and the auditor read one validated answer.
 *
 * @param auditRoleName the role assumed in every member account ({@code KeywardenAuditRole} unless
 *     set)
 * @param externalId the ExternalId the role's trust policy requires; empty to assume it without one
 * @param includeOus only accounts under these OUs or roots ({@code ou-...}, {@code r-...}), at any
 *     depth; empty for every account
 * @param excludeOus never accounts under these OUs or roots, at any depth
 * @param includeAccounts only these 12-digit account ids (besides those the OU lists select); empty
 *     for no restriction by id
 * @param excludeAccounts never these account ids
 * @param auditQueueUrl the SQS queue the dispatcher sends audit requests to
 */
public record OrgSettings(
    String auditRoleName,
    Optional<String> externalId,
    List<String> includeOus,
    List<String> excludeOus,
    List<String> includeAccounts,
    List<String> excludeAccounts,
    Optional<String> auditQueueUrl) {
  /** The role name the member-account template creates. */
  public static final String DEFAULT_AUDIT_ROLE_NAME = "KeywardenAuditRole";

  public OrgSettings {
    Objects.requireNonNull(auditRoleName, "auditRoleName");
    Objects.requireNonNull(externalId, "externalId");
    includeOus = List.copyOf(includeOus);
    excludeOus = List.copyOf(excludeOus);
    includeAccounts = List.copyOf(includeAccounts);
    excludeAccounts = List.copyOf(excludeAccounts);
    Objects.requireNonNull(auditQueueUrl, "auditQueueUrl");
  }

  /** Role {@code KeywardenAuditRole} without an ExternalId, every active account, no queue. */
  public static OrgSettings defaults() {
    return enteringThrough(DEFAULT_AUDIT_ROLE_NAME, Optional.empty());
  }

  /**
   * Every active account, no queue, each entered through {@code roleName} with {@code externalId}
   * (when present): how the demo, the benches and the tests reach an Organization's members.
   */
  public static OrgSettings enteringThrough(String roleName, Optional<String> externalId) {
    return new OrgSettings(
        roleName, externalId, List.of(), List.of(), List.of(), List.of(), Optional.empty());
  }

  /** True when an OU list is set, so that the OU tree must be read. */
  public boolean selectsByOu() {
    return !includeOus.isEmpty() || !excludeOus.isEmpty();
  }
}
