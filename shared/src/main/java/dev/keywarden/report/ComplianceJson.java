package dev.keywarden.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.report.ComplianceView.ControlStatus;
import java.util.List;
import java.util.Optional;

/**
 * The report.json {@code compliance} object: {@code cisV5} and {@code securityHub}, each a list of
 * {@code {control, checks, pass, fail, notJudged, lastWeek: {pass, fail, notJudged} | null,
 * failChange}}, and {@code unusedRoles} / {@code unusedRolesLastWeek} (null when not judged).
 */
final class ComplianceJson {
  private ComplianceJson() {}

  static void put(ObjectNode root, ComplianceView view) {
    ObjectNode node = root.putObject("compliance");
    controls(node.putArray("cisV5"), view.cis());
    controls(node.putArray("securityHub"), view.securityHub());
    optional(node, "unusedRoles", view.unusedRoles());
    optional(node, "unusedRolesLastWeek", view.unusedRolesLastWeek());
  }

  private static void controls(ArrayNode array, List<ControlStatus> controls) {
    for (ControlStatus c : controls) {
      ObjectNode node = array.addObject().put("control", c.control());
      ArrayNode checks = node.putArray("checks");
      c.checkIds().forEach(checks::add);
      node.put("pass", c.pass()).put("fail", c.fail()).put("notJudged", c.notJudged());
      c.last()
          .ifPresentOrElse(
              l ->
                  node.putObject("lastWeek")
                      .put("pass", l.pass())
                      .put("fail", l.fail())
                      .put("notJudged", l.notJudged()),
              () -> node.putNull("lastWeek"));
      optional(node, "failChange", c.failChange());
    }
  }

  private static void optional(ObjectNode node, String field, Optional<Integer> value) {
    value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
  }
}
