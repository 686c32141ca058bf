package dev.keywarden.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.checks.AuditFindings;
import dev.keywarden.checks.Check;
import dev.keywarden.checks.CheckCatalog;
import dev.keywarden.checks.CheckMetadata;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Severity;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.remediate.DeactivationDeferred;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Findings as OCSF 1.5.0 Compliance Findings (class 2003, category 2 Findings), one JSON object per
 * finding, for a SIEM or a security data lake.
 *
 * <p>Compliance Finding rather than Detection Finding (2004): every Keywarden check is a posture
 * rule evaluated against configuration (a key's age, MFA, a password policy), mapped to CIS
 * recommendations and Security Hub controls, not the detection of an activity or a threat; OCSF
 * gives such results the {@code compliance} object (requirements, standards, pass or fail), which
 * Detection Finding lacks. Each object carries the cloud profile ({@code cloud.provider = AWS} and
 * the account).
 */
public final class OcsfFindings {
  /** The OCSF version the objects follow. */
  public static final String VERSION = "1.5.0";

  /** The weekly report's file of OCSF findings. */
  public static final String FILE = "findings.ocsf.json";

  static final int CLASS_UID = 2003;
  static final int CATEGORY_UID = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  private OcsfFindings() {}

  /** One finding as OCSF sees it, whatever it was read from. */
  record Item(
      String accountId,
      String checkId,
      String resourceId,
      String principal,
      Severity severity,
      String title,
      String message,
      FindingStatus status,
      Instant firstSeen,
      Instant time,
      Optional<Instant> deadline,
      Optional<LocalDate> exemptUntil,
      Optional<String> exemptReason,
      Optional<String> owner) {}

  /** An audit's open and exempted findings, as of its instant. */
  public static String render(AuditFindings result) {
    StringWriter text = new StringWriter();
    render(result, new PrintWriter(text));
    return text.toString();
  }

  /** {@link #render(AuditFindings)}, written to {@code out} one finding at a time. */
  public static void render(AuditFindings result, PrintWriter out) {
    Iterable<Item> open =
        () ->
            StreamSupport.stream(result.findings().spliterator(), false)
                .map(
                    f ->
                        item(
                            f,
                            FindingStatus.OPEN,
                            result.asOf(),
                            Optional.empty(),
                            Optional.empty()))
                .iterator();
    Iterable<Item> exempted =
        () ->
            StreamSupport.stream(result.exempted().spliterator(), false)
                .map(
                    e ->
                        item(
                            e.finding(),
                            FindingStatus.EXEMPT,
                            result.asOf(),
                            Optional.of(e.until()),
                            Optional.of(e.reason())))
                .iterator();
    write(out, open, exempted);
  }

  /**
   * Remembered findings (the weekly report's open ones), with their owners by principal where
   * known.
   */
  public static String render(
      List<StoredFinding> findings,
      Map<String, String> ownersByAccountAndUser,
      Instant generatedAt) {
    List<Item> items = new ArrayList<>();
    for (StoredFinding f : findings) {
      items.add(
          new Item(
              f.accountId(),
              f.checkId(),
              f.resourceId(),
              f.principal(),
              f.severity(),
              f.title(),
              f.message(),
              f.status(),
              f.firstSeen(),
              f.resolvedAt().orElse(generatedAt),
              f.deadline(),
              f.exemptUntil(),
              f.exemptReason(),
              Optional.ofNullable(
                  ownersByAccountAndUser.get(ReportInput.ownerKey(f.accountId(), f.principal())))));
    }
    return render(items);
  }

  private static Item item(
      Finding f,
      FindingStatus status,
      Instant asOf,
      Optional<LocalDate> until,
      Optional<String> reason) {
    return new Item(
        f.accountId(),
        f.checkId(),
        f.resourceId(),
        f.principal(),
        f.severity(),
        f.title(),
        f.message(),
        status,
        asOf,
        asOf,
        f.deadline(),
        until,
        reason,
        Optional.empty());
  }

  /** A JSON array with one object per line. */
  static String render(List<Item> items) {
    StringWriter text = new StringWriter();
    write(new PrintWriter(text), items);
    return text.toString();
  }

  /** The items of each group in turn, as one JSON array with one object per line. */
  @SafeVarargs
  private static void write(PrintWriter out, Iterable<Item>... groups) {
    boolean none = true;
    out.print("[");
    for (Iterable<Item> group : groups) {
      for (Item item : group) {
        out.print(none ? "\n" : ",\n");
        out.print(object(item).toString());
        none = false;
      }
    }
    out.print(none ? "]\n" : "\n]\n");
  }

  static ObjectNode object(Item f) {
    Optional<CheckMetadata> check = metadata(f.checkId());
    int activity =
        switch (f.status()) {
          case OPEN -> 1;
          case EXEMPT -> 2;
          case RESOLVED -> 3;
        };
    ObjectNode o = JSON.createObjectNode();
    o.put("class_uid", CLASS_UID);
    o.put("class_name", "Compliance Finding");
    o.put("category_uid", CATEGORY_UID);
    o.put("category_name", "Findings");
    o.put("activity_id", activity);
    o.put(
        "activity_name",
        switch (activity) {
          case 1 -> "Create";
          case 2 -> "Update";
          default -> "Close";
        });
    o.put("type_uid", CLASS_UID * 100 + activity);
    o.put("time", f.time().toEpochMilli());
    o.put("severity_id", severityId(f.severity()));
    o.put("severity", severityName(f.severity()));
    o.put(
        "status_id",
        switch (f.status()) {
          case OPEN -> 1;
          case EXEMPT -> 3;
          case RESOLVED -> 4;
        });
    o.put(
        "status",
        switch (f.status()) {
          case OPEN -> "New";
          case EXEMPT -> "Suppressed";
          case RESOLVED -> "Resolved";
        });
    o.put("message", f.message());

    ObjectNode metadata = o.putObject("metadata");
    metadata.put("version", VERSION);
    metadata.putArray("profiles").add("cloud");
    ObjectNode product = metadata.putObject("product");
    product.put("name", "Keywarden");
    product.put("vendor_name", "Keywarden");

    ObjectNode info = o.putObject("finding_info");
    info.put("uid", "keywarden/" + f.accountId() + "/" + f.checkId() + "/" + f.resourceId());
    info.put("title", f.title());
    info.put("desc", f.message());
    info.putArray("types").add(f.checkId());
    info.put("created_time", f.firstSeen().toEpochMilli());
    info.put("first_seen_time", f.firstSeen().toEpochMilli());
    info.put("last_seen_time", f.time().toEpochMilli());

    ObjectNode compliance = o.putObject("compliance");
    compliance.put("control", f.checkId());
    ArrayNode requirements = compliance.putArray("requirements");
    ArrayNode standards = compliance.putArray("standards");
    check.ifPresent(
        c -> {
          c.cis().forEach(id -> requirements.add("CIS AWS Foundations Benchmark v3.0.0 " + id));
          c.securityHub().forEach(id -> requirements.add("AWS Security Hub " + id));
          if (!c.cis().isEmpty()) {
            standards.add("CIS AWS Foundations Benchmark v3.0.0");
          }
          if (!c.securityHub().isEmpty()) {
            standards.add("AWS Foundational Security Best Practices");
          }
        });
    boolean passed = f.status() == FindingStatus.RESOLVED;
    compliance.put("status_id", passed ? 1 : 3);
    compliance.put("status", passed ? "Pass" : "Fail");
    f.exemptUntil()
        .ifPresent(
            until ->
                compliance.put(
                    "status_detail", "exempt until " + until + ": " + f.exemptReason().orElse("")));

    check.ifPresent(c -> o.putObject("remediation").put("desc", c.remediation()));

    ObjectNode resource = o.putArray("resources").addObject();
    resource.put("uid", f.resourceId());
    resource.put("type", resourceType(f.resourceId()));
    resource.put("name", f.principal());
    resource.put("cloud_partition", "aws");
    f.owner().ifPresent(owner -> resource.putObject("owner").put("email_addr", owner));

    ObjectNode cloud = o.putObject("cloud");
    cloud.put("provider", "AWS");
    cloud.putObject("account").put("uid", f.accountId());

    ObjectNode unmapped = JSON.createObjectNode();
    f.deadline().ifPresent(d -> unmapped.put("keywarden_deadline", d.toString()));
    if (!unmapped.isEmpty()) {
      o.set("unmapped", unmapped);
    }
    return o;
  }

  /** OCSF severity ids: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
  static int severityId(Severity severity) {
    return switch (severity) {
      case INFO -> 1;
      case LOW -> 2;
      case MEDIUM -> 3;
      case HIGH -> 4;
      case CRITICAL -> 5;
    };
  }

  private static String severityName(Severity severity) {
    return severity == Severity.INFO
        ? "Informational"
        : severity.name().charAt(0)
            + severity.name().substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  static String resourceType(String resourceId) {
    if (resourceId.contains("#access_key_")) {
      return "AWS::IAM::AccessKey";
    }
    if (resourceId.contains(":user/")) {
      return "AWS::IAM::User";
    }
    if (resourceId.contains(":role/")) {
      return "AWS::IAM::Role";
    }
    if (resourceId.contains(":policy/")) {
      return "AWS::IAM::Policy";
    }
    return "AWS::::Account";
  }

  private static Optional<CheckMetadata> metadata(String checkId) {
    if (checkId.equals(DeactivationDeferred.METADATA.id())) {
      return Optional.of(DeactivationDeferred.METADATA);
    }
    return CheckCatalog.byId(checkId).map(Check::metadata);
  }
}
