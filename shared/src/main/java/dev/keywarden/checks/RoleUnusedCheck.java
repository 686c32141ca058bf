package dev.keywarden.checks;

import dev.keywarden.inventory.IamRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds roles nobody assumes: standing permissions with no use are attack surface at no benefit.
 */
public final class RoleUnusedCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "role-unused",
          "IAM role has not been used recently",
          "A role that is not service-linked (path `/aws-service-role/`), created `unused-days` (45) or more days ago, and"
              + " last used (`RoleLastUsed`) `unused-days` or more days ago or never. IAM tracks role use for 400 days.",
          Severity.LOW,
          List.of(),
          List.of(),
          List.of(),
          "Find out who owns the role (its tags, CloudTrail); if nobody needs it, remove its policies, wait, then delete it.");

  RoleUnusedCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    if (Surfaces.of(context).isEmpty()) {
      return CheckOutcome.skipped(Surfaces.MISSING);
    }
    return CheckOutcome.of(
        unused(context).stream()
            .map(
                role ->
                    Finding.of(
                        METADATA,
                        context.accountId(),
                        "role/" + role.name(),
                        role.arn(),
                        describe(role, context)))
            .toList());
  }

  /** The roles the rule condemns; the weekly report counts them too. */
  static List<IamRole> unused(CheckContext context) {
    Instant asOf = context.asOf();
    int limit = context.policy().unusedDays();
    List<IamRole> unused = new ArrayList<>();
    for (IamRole role : Surfaces.of(context).orElseThrow().roles()) {
      if (role.serviceLinked() || !Resources.atLeastDaysAgo(role.created(), asOf, limit)) {
        continue;
      }
      if (role.lastUsed().isEmpty()
          || Resources.atLeastDaysAgo(role.lastUsed().get(), asOf, limit)) {
        unused.add(role);
      }
    }
    return unused;
  }

  private static String describe(IamRole role, CheckContext context) {
    Instant asOf = context.asOf();
    int limit = context.policy().unusedDays();
    return role.lastUsed()
        .map(
            used ->
                "role "
                    + role.name()
                    + " was last used "
                    + Resources.plural(Resources.days(used, asOf), "day")
                    + " ago, on "
                    + used
                    + " (limit "
                    + limit
                    + " days)")
        .orElse(
            "role "
                + role.name()
                + " has no recorded use and was created "
                + Resources.plural(Resources.days(role.created(), asOf), "day")
                + " ago, on "
                + role.created()
                + " (limit "
                + limit
                + " days)");
  }
}
