package dev.keywarden.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.KeywardenException;
import dev.keywarden.checks.Severity;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.report.WeeklyReport.Account;
import dev.keywarden.report.WeeklyReport.CheckCount;
import dev.keywarden.report.WeeklyReport.KeyDue;
import dev.keywarden.report.WeeklyReport.RankedAccount;
import dev.keywarden.report.WeeklyReport.SeverityCount;
import dev.keywarden.report.WeeklyReport.TrendPoint;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the weekly report as JSON for tools and dashboards, with the same headline names as the
 * HTML page's {@code data-metric} attributes.
 *
 * <p>Shape: {@code isoWeek}, {@code generatedAt}, {@code headline} (metric name to number, or null
 * for an MFA coverage without console users), {@code coverage} ({@code audited}, {@code notAudited}
 * with {@code reason} and {@code lastAudited}), {@code rootFindings}, {@code bySeverity} and {@code
 * byCheck} ({@code open}, {@code lastWeek}, {@code change}; null when last week is unknown), {@code
 * thisWeek}, {@code keysDue}, {@code accounts} (ranked: {@code rank}, {@code score}, {@code open}
 * per severity, {@code openTotal}, {@code audited}, {@code notAuditedReason}) and {@code trends}.
 * The open findings themselves are in the CSV ({@link CsvReport}), not here, so that the file stays
 * small for a large organisation.
 */
public final class JsonReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static String render(WeeklyReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("isoWeek", report.isoWeek());
    root.put("generatedAt", report.generatedAt().toString());
    ObjectNode headline = root.putObject("headline");
    for (Map.Entry<String, Optional<Number>> e : report.headline().entrySet()) {
      Optional<Number> value = e.getValue();
      if (value.isEmpty()) {
        headline.putNull(e.getKey());
      } else if (value.get() instanceof Double d) {
        headline.put(e.getKey(), d);
      } else {
        headline.put(e.getKey(), value.get().intValue());
      }
    }

    ObjectNode coverage = root.putObject("coverage");
    coverage.put("known", report.coverage().known());
    ArrayNode audited = coverage.putArray("audited");
    report
        .coverage()
        .audited()
        .forEach(
            a -> account(audited.addObject(), a.account()).put("latestRun", a.at().toString()));
    ArrayNode notAudited = coverage.putArray("notAudited");
    report
        .coverage()
        .notAudited()
        .forEach(
            n -> {
              ObjectNode node =
                  account(notAudited.addObject(), n.account()).put("reason", n.reason());
              n.lastAudited()
                  .ifPresentOrElse(
                      t -> node.put("lastAudited", t.toString()),
                      () -> node.putNull("lastAudited"));
            });

    ArrayNode rootFindings = root.putArray("rootFindings");
    report
        .rootFindings()
        .forEach(rf -> finding(account(rootFindings.addObject(), rf.account()), rf.finding()));

    ArrayNode bySeverity = root.putArray("bySeverity");
    for (SeverityCount c : report.bySeverity()) {
      counts(
          bySeverity.addObject().put("severity", c.severity().name()),
          c.open(),
          c.lastWeek(),
          c.change());
    }
    ArrayNode byCheck = root.putArray("byCheck");
    for (CheckCount c : report.byCheck()) {
      counts(
          byCheck
              .addObject()
              .put("checkId", c.checkId())
              .put("title", c.title())
              .put("severity", c.severity().name()),
          c.open(),
          c.lastWeek(),
          c.change());
    }

    WeeklyReport.Activity a = report.activity();
    root.putObject("thisWeek")
        .put("runs", a.runs())
        .put("opened", a.opened())
        .put("resolved", a.resolved())
        .put("deactivated", a.deactivated())
        .put("wouldDeactivate", a.wouldDeactivate())
        .put("deferred", a.deferred())
        .put("notices", a.notices());

    ArrayNode due = root.putArray("keysDue");
    for (KeyDue k : report.keysDue()) {
      account(due.addObject(), k.account())
          .put("principal", k.principal())
          .put("checkId", k.checkId())
          .put("resourceId", k.resourceId())
          .put("deadline", k.deadline().toString())
          .put("owner", k.owner())
          .put("overdue", k.overdue());
    }

    ArrayNode accounts = root.putArray("accounts");
    int rank = 0;
    for (RankedAccount r : report.accounts()) {
      ObjectNode node =
          account(accounts.addObject(), r.account()).put("rank", ++rank).put("score", r.score());
      ObjectNode open = node.putObject("open");
      for (Severity s : Severity.values()) {
        open.put(s.name(), r.openBySeverity().getOrDefault(s, 0));
      }
      node.put("openTotal", r.openTotal()).put("audited", r.audited());
      r.notAuditedReason().ifPresent(reason -> node.put("notAuditedReason", reason));
    }

    ArrayNode trends = root.putArray("trends");
    for (TrendPoint p : report.trends()) {
      ObjectNode node =
          trends
              .addObject()
              .put("isoWeek", p.isoWeek())
              .put("accountsAudited", p.accountsAudited());
      if (p.open().isPresent()) {
        ObjectNode open = node.putObject("open");
        for (Severity s : Severity.values()) {
          open.put(s.name(), p.open().get().getOrDefault(s, 0));
        }
      } else {
        node.putNull("open");
      }
      node.put("consoleUsers", p.consoleUsers())
          .put("consoleUsersWithMfa", p.consoleUsersWithMfa())
          .put("activeKeys", p.activeKeys());
      p.mfaCoveragePercent()
          .ifPresentOrElse(v -> node.put("mfaCoverage", v), () -> node.putNull("mfaCoverage"));
    }
    ComplianceJson.put(root, report.compliance());
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new KeywardenException(
          "could not render the weekly report as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectNode account(ObjectNode node, Account account) {
    node.put("accountId", account.id());
    account
        .name()
        .ifPresentOrElse(n -> node.put("accountName", n), () -> node.putNull("accountName"));
    return node;
  }

  private static void finding(ObjectNode node, StoredFinding f) {
    node.put("checkId", f.checkId())
        .put("severity", f.severity().name())
        .put("principal", f.principal())
        .put("resourceId", f.resourceId())
        .put("message", f.message())
        .put("firstSeen", f.firstSeen().toString());
  }

  private static void counts(
      ObjectNode node, int open, Optional<Integer> lastWeek, Optional<Integer> change) {
    node.put("open", open);
    lastWeek.ifPresentOrElse(v -> node.put("lastWeek", v), () -> node.putNull("lastWeek"));
    change.ifPresentOrElse(v -> node.put("change", v), () -> node.putNull("change"));
  }
}
