package dev.keywarden.checks;

import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.IamUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** What the checks that judge each user of the authorization details one by one share. */
final class UserFindings {
  private UserFindings() {}

  /**
   * One finding per user, in name order, for which {@code message} has something to say; skipped
   * when the authorization details were not read.
   */
  static CheckOutcome each(
      CheckContext context,
      CheckMetadata metadata,
      BiFunction<IamUser, AuthorizationDetails, Optional<String>> message) {
    if (context.inventory().authorization().isEmpty()) {
      return CheckOutcome.skipped(Needs.AUTHORIZATION);
    }
    AuthorizationDetails details = context.inventory().authorization().get();
    List<Finding> findings = new ArrayList<>();
    for (IamUser user : details.usersByName()) {
      message
          .apply(user, details)
          .ifPresent(
              text ->
                  findings.add(
                      Finding.of(metadata, context.accountId(), user.name(), user.arn(), text)));
    }
    return CheckOutcome.of(findings);
  }

  /** "{@code user}: a; b" for the user's problems, empty when it has none. */
  static Optional<String> listing(IamUser user, List<String> problems) {
    return problems.isEmpty()
        ? Optional.empty()
        : Optional.of(user.name() + ": " + String.join("; ", problems));
  }
}
