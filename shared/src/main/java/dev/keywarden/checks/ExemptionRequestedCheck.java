package dev.keywarden.checks;

import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.IamUser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shows the security team what users ask for in their own tags and do not get: an exemption, or a
 * key age longer than the policy's. Whoever may tag a user (often the user) must not be able to
 * postpone enforcement; only a central grant ({@code keywarden exempt}) does that.
 */
public final class ExemptionRequestedCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "exemption-requested",
          "A user's tags ask for an exemption the security team has not granted",
          "Exemption tags (`keywarden:exempt-until`, today or later) on a user without a central grant in force, or a"
              + " `keywarden:max-key-age` tag longer than the policy's maximum without a grant covering key-expired. The tags"
              + " are not honoured: enforcement goes on.",
          Severity.MEDIUM,
          List.of(),
          List.of(),
          "Decide on the request. To grant it: keywarden exempt --account ID --user NAME --until YYYY-MM-DD --reason TEXT"
              + " [--checks IDS] (at most max-exemption-days ahead). To refuse it: remove the user's keywarden:exempt-* and"
              + " keywarden:max-key-age tags.");

  ExemptionRequestedCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    LocalDate today = LocalDate.ofInstant(context.asOf(), ZoneOffset.UTC);
    return UserFindings.each(
        context,
        METADATA,
        (user, details) -> UserFindings.listing(user, asks(context, user, today)));
  }

  /** What the user's tags ask for and do not get. */
  private static List<String> asks(CheckContext context, IamUser user, LocalDate today) {
    List<String> asks = new ArrayList<>();
    Optional<ExemptionGrant> grant = context.grantInForce(user.name());
    Exemption.Reading reading = Exemption.read(user.tags(), CheckCatalog.ids());
    boolean lapsed = reading.until().filter(until -> until.isBefore(today)).isPresent();
    if (reading.tagged() && !lapsed && grant.isEmpty()) {
      asks.add(
          "its tags ask for an exemption"
              + reading.until().map(d -> " until " + d).orElse("")
              + reading
                  .checks()
                  .map(c -> " from " + (c.isEmpty() ? "no valid check" : String.join(" ", c)))
                  .orElse("")
              + reading.reason().map(r -> " (reason: " + r + ")").orElse("")
              + ", which is not honoured without a grant: keywarden exempt --account "
              + context.accountId()
              + " --user "
              + user.name()
              + " --until YYYY-MM-DD --reason TEXT");
    }
    UserTags.requestedMaxKeyAge(context, user.name())
        .filter(
            days ->
                days > context.policy().maxKeyAgeDays()
                    && !UserTags.loosenedByGrant(context, user.name()))
        .ifPresent(
            days ->
                asks.add(
                    AuditPolicy.MAX_KEY_AGE_TAG
                        + " asks for "
                        + days
                        + " days, longer than the policy's "
                        + context.policy().maxKeyAgeDays()
                        + "; the policy's "
                        + context.policy().maxKeyAgeDays()
                        + " days apply unless the security team grants an exemption from key-expired"));
    return asks;
  }
}
