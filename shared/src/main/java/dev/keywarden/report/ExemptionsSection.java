package dev.keywarden.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.KeywardenException;
import dev.keywarden.checks.ExemptionGrant;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The weekly report's list of the security team's exemption grants in force, soonest to end first,
 * so that nobody stays exempt unseen: a section of the page, an {@code exemptions} array in the
 * JSON, and one line of the digest.
 */
final class ExemptionsSection {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ExemptionsSection() {}

  /** The grants still in force at {@code at}, soonest to end first, then by account and user. */
  static List<ExemptionGrant> inForce(List<ExemptionGrant> grants, Instant at) {
    LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return grants.stream()
        .filter(g -> g.activeOn(today))
        .sorted(
            Comparator.comparing(ExemptionGrant::until)
                .thenComparing(ExemptionGrant::accountId)
                .thenComparing(ExemptionGrant::userName))
        .toList();
  }

  /** The page's section, inserted before the end of its main part. */
  static String html(
      String page, List<ExemptionGrant> grants, Instant at, Map<String, String> accountNames) {
    StringBuilder out =
        new StringBuilder(
            "<section aria-labelledby=\"h-exempt\">\n<h2 id=\"h-exempt\">Exemptions in force</h2>\n");
    if (grants.isEmpty()) {
      out.append(
          "<p class=\"good\">No user is exempt: no grant by the security team is in force.</p>\n</section>\n");
    } else {
      out.append(
              "<p>Granted centrally with <code>keywarden exempt</code>; a user's own tags never exempt it. Each grant ends on ")
          .append(
              "its day (UTC) and at most max-exemption-days after it was made.</p>\n<table>\n<caption>Exemptions (")
          .append(grants.size())
          .append(
              ")</caption>\n<thead><tr><th scope=\"col\">Ends</th><th scope=\"col\">Account</th>")
          .append(
              "<th scope=\"col\">User</th><th scope=\"col\">Checks</th><th scope=\"col\">Reason</th>")
          .append(
              "<th scope=\"col\">Granted by</th><th scope=\"col\">Granted</th></tr></thead>\n<tbody>\n");
      LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
      for (ExemptionGrant g : grants) {
        long days = ChronoUnit.DAYS.between(today, g.until());
        out.append("<tr><td class=\"d\">")
            .append(g.until())
            .append(" (")
            .append(days == 0 ? "today" : "in " + days + " d")
            .append(")</td><td>");
        Html.append(
                out,
                accountNames.getOrDefault(g.accountId(), "")
                    + (accountNames.containsKey(g.accountId()) ? " " : "")
                    + g.accountId())
            .append("</td><th scope=\"row\">");
        Html.append(out, g.userName()).append("</th><td>");
        Html.append(out, g.checksText()).append("</td><td>");
        Html.append(out, g.reason()).append("</td><td><span class=\"mono\">");
        Html.append(out, g.grantedBy())
            .append("</span></td><td class=\"d\">")
            .append(g.grantedAt().atZone(ZoneOffset.UTC).toLocalDate())
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n</section>\n");
    }
    int end = page.lastIndexOf("</main>");
    if (end < 0) {
      throw new KeywardenException("the report page has no </main> to put the exemptions before");
    }
    return page.substring(0, end) + out + page.substring(end);
  }

  /** The JSON with an {@code exemptions} array added. */
  static String json(String json, List<ExemptionGrant> grants) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(json);
      ArrayNode list = root.putArray("exemptions");
      for (ExemptionGrant g : grants) {
        ObjectNode node = list.addObject();
        node.put("accountId", g.accountId());
        node.put("userName", g.userName());
        node.put("until", g.until().toString());
        ArrayNode checks = node.putArray("checks");
        g.checks().stream().sorted().forEach(checks::add);
        node.put("reason", g.reason());
        node.put("grantedBy", g.grantedBy());
        node.put("grantedAt", g.grantedAt().toString());
      }
      JsonNode out = root;
      return JSON.writeValueAsString(out) + "\n";
    } catch (IOException e) {
      throw new KeywardenException(
          "cannot add exemptions to the report's JSON: " + e.getMessage(), e);
    }
  }

  /** The digest with one line about exemptions before its link. */
  static String digest(String digest, List<ExemptionGrant> grants) {
    String line =
        grants.isEmpty()
            ? "Exemptions in force: none."
            : "Exemptions in force: "
                + grants.size()
                + "; the next ends "
                + grants.get(0).until()
                + " ("
                + FindingsOutput.printable(grants.get(0).userName())
                + " in "
                + grants.get(0).accountId()
                + ").";
    int link = digest.lastIndexOf("Full report: ");
    return link < 0
        ? digest + line + "\n"
        : digest.substring(0, link) + line + "\n" + digest.substring(link);
  }
}
