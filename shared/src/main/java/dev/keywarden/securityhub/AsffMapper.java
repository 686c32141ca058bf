package dev.keywarden.securityhub;

import dev.keywarden.checks.Check;
import dev.keywarden.checks.CheckCatalog;
import dev.keywarden.checks.CheckMetadata;
import dev.keywarden.checks.Severity;
import dev.keywarden.config.SecurityHubSettings;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.remediate.DeactivationDeferred;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a remembered finding into its Security Hub form, its life included: open is ACTIVE and NEW,
 * exempt is ACTIVE and SUPPRESSED with the exemption's reason and last day, resolved is ARCHIVED
 * and RESOLVED with compliance PASSED; a reopened finding is open again, so ACTIVE and NEW.
 */
public final class AsffMapper {
  static final String CIS = "CIS AWS Foundations Benchmark v3.0.0/";
  static final String CONTROL = "AWS Security Hub control/";
  static final String CIS_TYPE =
      "Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark";
  static final String BEST_PRACTICE_TYPE =
      "Software and Configuration Checks/AWS Security Best Practices";
  static final int MAX_TITLE = 256;
  static final int MAX_DESCRIPTION = 1024;
  static final int MAX_REMEDIATION = 512;

  private AsffMapper() {}

  /**
   * The finding as Security Hub is to show it.
   *
   * @param finding the remembered finding
   * @param owner who owns its principal, when known
   * @param product the importing product
   * @param updatedAt when this version is sent
   */
  public static AsffFinding map(
      StoredFinding finding,
      Optional<String> owner,
      SecurityHubSettings product,
      Instant updatedAt) {
    Optional<CheckMetadata> check = metadata(finding.checkId());
    List<String> requirements = new ArrayList<>();
    check.ifPresent(
        c -> {
          c.cis().forEach(id -> requirements.add(CIS + id));
          c.securityHub().forEach(id -> requirements.add(CONTROL + id));
        });
    List<String> types =
        List.of(check.map(c -> !c.cis().isEmpty()).orElse(false) ? CIS_TYPE : BEST_PRACTICE_TYPE);

    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("keywarden/checkId", finding.checkId());
    fields.put("keywarden/status", finding.status().name().toLowerCase(java.util.Locale.ROOT));
    fields.put("keywarden/principal", finding.principal());
    owner.ifPresent(o -> fields.put("keywarden/owner", o));
    finding.deadline().ifPresent(d -> fields.put("keywarden/deadline", d.toString()));
    finding.exemptUntil().ifPresent(d -> fields.put("keywarden/exemptUntil", d.toString()));
    finding.exemptReason().ifPresent(r -> fields.put("keywarden/exemptReason", clip(r, 1024)));

    String description = finding.message();
    Optional<String> note = Optional.empty();
    String recordState = "ACTIVE";
    String workflow = "NEW";
    String compliance = "FAILED";
    switch (finding.status()) {
      case OPEN -> {}
      case EXEMPT -> {
        workflow = "SUPPRESSED";
        String exemption =
            "Exempt until "
                + finding.exemptUntil().map(Object::toString).orElse("?")
                + ": "
                + finding.exemptReason().orElse("");
        note = Optional.of(clip(exemption, 512));
        description = exemption + ". " + description;
      }
      case RESOLVED -> {
        recordState = "ARCHIVED";
        workflow = "RESOLVED";
        compliance = "PASSED";
        description =
            "Resolved "
                + finding.resolvedAt().map(Instant::toString).orElse("")
                + ": "
                + description;
      }
    }
    String remediation =
        check
            .map(CheckMetadata::remediation)
            .orElse("See Keywarden's docs/checks.md for " + finding.checkId() + ".");
    return new AsffFinding(
        "keywarden/" + finding.accountId() + "/" + finding.checkId() + "/" + finding.resourceId(),
        product.productArn(),
        "keywarden/" + finding.checkId(),
        finding.accountId(),
        product.region(),
        types,
        finding.firstSeen(),
        updatedAt,
        label(finding.severity()),
        finding.severity().label(),
        clip(finding.title(), MAX_TITLE),
        clip(description, MAX_DESCRIPTION),
        List.of(resource(finding, product)),
        compliance,
        requirements,
        clip(remediation, MAX_REMEDIATION),
        fields,
        recordState,
        workflow,
        note);
  }

  /** Security Hub's severity label for Keywarden's severity. */
  static String label(Severity severity) {
    return severity == Severity.INFO ? "INFORMATIONAL" : severity.name();
  }

  /** The resource of a finding, by the shape of its resource id. */
  static AsffFinding.Resource resource(StoredFinding finding, SecurityHubSettings product) {
    String id = finding.resourceId();
    String partition = product.partition();
    String region = product.region();
    int hash = id.indexOf("#access_key_");
    if (hash > 0) {
      return new AsffFinding.Resource(
          "AwsIamAccessKey", id, partition, region, Optional.of(finding.principal()));
    }
    if (id.endsWith(":root") || id.endsWith(":account-password-policy") || !id.startsWith("arn:")) {
      return new AsffFinding.Resource(
          "AwsAccount",
          "AWS::::Account:" + finding.accountId(),
          partition,
          region,
          Optional.empty());
    }
    String path = id.substring(id.lastIndexOf(':') + 1);
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (path.startsWith("user/")) {
      return new AsffFinding.Resource("AwsIamUser", id, partition, region, Optional.of(name));
    }
    if (path.startsWith("role/")) {
      return new AsffFinding.Resource("AwsIamRole", id, partition, region, Optional.of(name));
    }
    if (path.startsWith("policy/")) {
      return new AsffFinding.Resource("AwsIamPolicy", id, partition, region, Optional.of(name));
    }
    return new AsffFinding.Resource("Other", id, partition, region, Optional.empty());
  }

  private static Optional<CheckMetadata> metadata(String checkId) {
    if (checkId.equals(DeactivationDeferred.METADATA.id())) {
      return Optional.of(DeactivationDeferred.METADATA);
    }
    return CheckCatalog.byId(checkId).map(Check::metadata);
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  /** Whether a finding in this status is worth sending to a Security Hub that has never seen it. */
  static boolean worthCreating(FindingStatus status) {
    return status != FindingStatus.RESOLVED;
  }
}
