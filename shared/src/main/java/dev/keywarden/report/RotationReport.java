package dev.keywarden.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.findings.IsoWeek;
import dev.keywarden.rotate.RotationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The weekly report's assisted-rotation section: rotations in progress now, and those that ended in
 * the report's week (cut over early, completed at the deadline, abandoned or withdrawn). Added to
 * the rendered files as a section of its own (HTML {@code #assisted-rotations}, JSON {@code
 * assistedRotations}, a digest paragraph), so that it changes none of the report's other numbers.
 * Never carries a secret: the records hold none.
 *
 * @param inProgress rotations whose new key is not yet the only active one (intent or in progress)
 * @param endedThisWeek rotations whose record last changed to a finished phase within the week
 */
public record RotationReport(List<RotationRecord> inProgress, List<RotationRecord> endedThisWeek) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public RotationReport {
    inProgress = List.copyOf(inProgress);
    endedThisWeek = List.copyOf(endedThisWeek);
  }

  /** The section of {@code isoWeek} from every account's rotation records. */
  public static RotationReport of(String isoWeek, List<RotationRecord> all) {
    Instant start = IsoWeek.start(isoWeek);
    Instant end = start.plus(Duration.ofDays(7));
    Comparator<RotationRecord> order =
        Comparator.comparing(RotationRecord::accountId).thenComparing(RotationRecord::userName);
    return new RotationReport(
        all.stream().filter(r -> !r.phase().finished()).sorted(order).toList(),
        all.stream()
            .filter(
                r ->
                    r.phase().finished()
                        && !r.updatedAt().isBefore(start)
                        && r.updatedAt().isBefore(end))
            .sorted(order)
            .toList());
  }

  /**
   * Rotations that ended with the new key in place: cut over early or completed at the deadline.
   */
  public long completedThisWeek() {
    return endedThisWeek.stream()
        .filter(
            r ->
                r.phase() == RotationRecord.Phase.CUT_OVER
                    || r.phase() == RotationRecord.Phase.COMPLETED)
        .count();
  }

  /** The files with this section added; the files' other content is unchanged. */
  public ReportFiles addTo(ReportFiles files) {
    return new ReportFiles(
        files.isoWeek(),
        html(files.html()),
        json(files.json()),
        files.csv(),
        digest(files.digest()));
  }

  private String html(String page) {
    StringBuilder out =
        new StringBuilder("<section id=\"assisted-rotations\" aria-labelledby=\"h-rotations\">\n")
            .append("<h2 id=\"h-rotations\">Assisted rotations</h2>\n")
            .append("<p><span data-metric=\"rotations-in-progress\">")
            .append(inProgress.size())
            .append("</span> in progress, ")
            .append("<span data-metric=\"rotations-completed-this-week\">")
            .append(completedThisWeek())
            .append("</span> completed this week.</p>\n");
    table(out, "In progress", inProgress);
    table(out, "Ended this week", endedThisWeek);
    out.append("</section>\n");
    int at = page.lastIndexOf("</main>");
    return at < 0 ? page + out : page.substring(0, at) + out + page.substring(at);
  }

  private static void table(StringBuilder out, String caption, List<RotationRecord> rows) {
    if (rows.isEmpty()) {
      return;
    }
    out.append("<table>\n<caption>")
        .append(caption)
        .append("</caption>\n<thead><tr><th>Account</th><th>User</th>")
        .append(
            "<th>State</th><th>Old key</th><th>Deadline</th><th>New key</th><th>Secret</th><th>Since</th></tr></thead>\n")
        .append("<tbody>\n");
    for (RotationRecord r : rows) {
      out.append("<tr><td>");
      Html.append(out, r.accountId()).append("</td><td>");
      Html.append(out, r.userName()).append("</td><td>");
      Html.append(out, state(r)).append("</td><td>");
      Html.append(out, r.oldKeyId()).append("</td><td>");
      Html.append(out, r.oldDeadline().toString()).append("</td><td>");
      Html.append(out, r.newKeyId().orElse("")).append("</td><td>");
      Html.append(out, r.secretName()).append("</td><td>");
      Html.append(out, r.updatedAt().toString()).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private static String state(RotationRecord r) {
    return switch (r.phase()) {
      case INTENT -> "creating the new key";
      case IN_PROGRESS -> "waiting for the new key to take over";
      case CUT_OVER -> "cut over early";
      case COMPLETED -> "completed";
      case ABANDONED -> "abandoned: " + r.note();
      case WITHDRAWN -> "withdrawn";
    };
  }

  private String json(String report) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(report);
      ObjectNode section = root.putObject("assistedRotations");
      section.put("inProgress", inProgress.size());
      section.put("completedThisWeek", completedThisWeek());
      ArrayNode rows = section.putArray("rotations");
      for (RotationRecord r : concat()) {
        ObjectNode row = rows.addObject();
        row.put("accountId", r.accountId());
        row.put("userName", r.userName());
        row.put("phase", r.phase().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        row.put("oldKeyId", r.oldKeyId());
        row.put("oldDeadline", r.oldDeadline().toString());
        r.newKeyId().ifPresent(id -> row.put("newKeyId", id));
        row.put("secretName", r.secretName());
        row.put("startedAt", r.startedAt().toString());
        row.put("updatedAt", r.updatedAt().toString());
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException(
          "the report's JSON could not take the rotations section: " + e.getMessage(), e);
    }
  }

  private List<RotationRecord> concat() {
    return java.util.stream.Stream.concat(inProgress.stream(), endedThisWeek.stream()).toList();
  }

  private String digest(String digest) {
    if (inProgress.isEmpty() && endedThisWeek.isEmpty()) {
      return digest;
    }
    return digest
        + (digest.endsWith("\n") ? "" : "\n")
        + "Assisted rotations: "
        + inProgress.size()
        + " in progress, "
        + completedThisWeek()
        + " completed this week"
        + (endedThisWeek.size() > completedThisWeek()
            ? ", " + (endedThisWeek.size() - completedThisWeek()) + " abandoned or withdrawn"
            : "")
        + ".\n";
  }
}
