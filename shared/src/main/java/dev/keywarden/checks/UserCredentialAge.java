package dev.keywarden.checks;

import dev.keywarden.inventory.Reading;
import dev.keywarden.inventory.UserCredential;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The rule SSH public keys and service-specific credentials share: active, not expired, and older
 * than the key age.
 */
final class UserCredentialAge {
  private UserCredentialAge() {}

  static CheckOutcome evaluate(
      CheckContext context,
      CheckMetadata metadata,
      Function<dev.keywarden.inventory.IamSurface, Reading<List<UserCredential>>> part,
      String resourceKind) {
    if (Surfaces.of(context).isEmpty()) {
      return CheckOutcome.skipped(Surfaces.MISSING);
    }
    Reading<List<UserCredential>> reading = part.apply(Surfaces.of(context).get());
    if (!reading.known()) {
      return CheckOutcome.skipped(reading.missingBecause().orElseThrow());
    }
    Instant asOf = context.asOf();
    List<Finding> findings = new ArrayList<>();
    for (UserCredential credential : reading.value().orElseThrow()) {
      int limit =
          UserTags.maxKeyAgeTag(context, credential.user())
              .orElse(context.policy().maxKeyAgeDays());
      boolean expired =
          credential.expires().isPresent() && !credential.expires().get().isAfter(asOf);
      if (!credential.active()
          || expired
          || !Resources.atLeastDaysAgo(credential.created(), asOf, limit)) {
        continue;
      }
      String userArn = userArn(context, credential.user());
      String service = credential.service().isEmpty() ? "" : " for " + credential.service();
      String message =
          credential.kind().label()
              + " "
              + credential.id()
              + service
              + " of "
              + credential.user()
              + " is active and "
              + Resources.plural(Resources.days(credential.created(), asOf), "day")
              + " old, created on "
              + credential.created()
              + " (max "
              + limit
              + ")";
      findings.add(
          Finding.of(
              metadata,
              context.accountId(),
              credential.user(),
              userArn + "#" + resourceKind + "/" + credential.id(),
              message));
    }
    return CheckOutcome.of(findings);
  }

  private static String userArn(CheckContext context, String user) {
    return context.inventory().credentialReport().users().stream()
        .filter(r -> r.user().equals(user))
        .map(r -> r.arn())
        .findFirst()
        .orElse("arn:aws:iam::" + context.accountId() + ":user/" + user);
  }
}
