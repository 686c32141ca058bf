package dev.keywarden.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.KeywardenException;
import dev.keywarden.findings.StoredFinding;
import java.util.List;
import java.util.Locale;

/**
 * Renders what the findings table holds, with each finding's history (first seen, resolved,
 * exemption).
 */
public final class StoredFindingsOutput {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StoredFindingsOutput() {}

  public static String json(List<StoredFinding> findings) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("findings");
    for (StoredFinding f : findings) {
      ObjectNode node = FindingsOutput.findingNode(f.asFinding());
      list.add(node);
      node.put("status", f.status().name());
      node.put("firstSeen", f.firstSeen().toString());
      f.resolvedAt().ifPresent(t -> node.put("resolvedAt", t.toString()));
      f.exemptUntil().ifPresent(d -> node.put("exemptUntil", d.toString()));
      f.exemptReason().ifPresent(r -> node.put("exemptReason", r));
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new KeywardenException(
          "could not render findings as JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static String csv(List<StoredFinding> findings) {
    StringBuilder out =
        new StringBuilder(
            "status,severity,checkId,accountId,principal,resourceId,message,firstSeen,resolvedAt,deadline,exemptUntil,exemptReason\r\n");
    for (StoredFinding f : findings) {
      out.append(
          Csv.row(
              List.of(
                  f.status().name(),
                  f.severity().name(),
                  f.checkId(),
                  f.accountId(),
                  f.principal(),
                  f.resourceId(),
                  f.message(),
                  f.firstSeen().toString(),
                  f.resolvedAt().map(Object::toString).orElse(""),
                  f.deadline().map(Object::toString).orElse(""),
                  f.exemptUntil().map(Object::toString).orElse(""),
                  f.exemptReason().orElse(""))));
    }
    return out.toString();
  }

  public static String table(List<StoredFinding> findings) {
    if (findings.isEmpty()) {
      return "No findings match.\n";
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-9s %-9s %-22s %-13s %-24s %-20s %s%n",
            "STATUS",
            "SEVERITY",
            "CHECK",
            "ACCOUNT",
            "PRINCIPAL",
            "SINCE",
            "MESSAGE"));
    for (StoredFinding f : findings) {
      String since = f.resolvedAt().orElse(f.firstSeen()).toString();
      out.append(
          String.format(
              Locale.ROOT,
              "%-9s %-9s %-22s %-13s %-24s %-20s %s%n",
              f.status().name().toLowerCase(Locale.ROOT),
              f.severity().label(),
              f.checkId(),
              f.accountId(),
              FindingsOutput.printable(f.principal()),
              since.length() > 20 ? since.substring(0, 19) + "Z" : since,
              FindingsOutput.printable(f.message())));
    }
    out.append(findings.size()).append(findings.size() == 1 ? " finding.\n" : " findings.\n");
    return out.toString();
  }
}
