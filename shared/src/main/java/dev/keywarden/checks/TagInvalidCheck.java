package dev.keywarden.checks;

import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.IamUser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds Keywarden tags that do not do what their author meant: a key-age override that is ignored,
 * or an exemption that has lapsed or cannot be read.
 */
public final class TagInvalidCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "tag-invalid",
          "Keywarden tag on a user is malformed or expired",
          "A malformed `keywarden:max-key-age` tag, or exemption tags that have expired or are malformed (bad date, no reason, unknown check id, each named exactly).",
          Severity.MEDIUM,
          List.of(),
          List.of(),
          "Fix the user's tags: "
              + AuditPolicy.MAX_KEY_AGE_TAG
              + " takes whole days from 1 to 3650; an exemption needs "
              + AuditPolicy.EXEMPT_UNTIL_TAG
              + "=YYYY-MM-DD (today or later), a non-blank "
              + AuditPolicy.EXEMPT_REASON_TAG
              + " and optionally "
              + AuditPolicy.EXEMPT_CHECKS_TAG
              + " with space-separated check ids. Renew or remove"
              + " expired exemptions.");

  TagInvalidCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    LocalDate today = LocalDate.ofInstant(context.asOf(), ZoneOffset.UTC);
    return UserFindings.each(
        context, METADATA, (user, details) -> UserFindings.listing(user, problems(user, today)));
  }

  private static List<String> problems(IamUser user, LocalDate today) {
    List<String> problems = new ArrayList<>();
    UserTags.maxKeyAgeProblem(user.tags()).ifPresent(problems::add);
    Exemption.Reading reading = Exemption.read(user.tags(), CheckCatalog.ids());
    problems.addAll(reading.problems());
    reading
        .until()
        .filter(until -> until.isBefore(today))
        .ifPresent(
            until ->
                problems.add(
                    AuditPolicy.EXEMPT_UNTIL_TAG
                        + " "
                        + until
                        + " has passed, so the exemption ("
                        + reading.reason().orElse("no reason given")
                        + ") no longer applies"));
    return problems;
  }
}
