package dev.keywarden.checks;

import java.util.List;
import java.util.Optional;

/**
 * Finds users who may do anything to anything, whose long-term credentials are the worst to leak.
 */
public final class UserFullAdminCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "user-full-admin",
          "User is granted full administrator access (*:*)",
          "A user granted `*:*`: AdministratorAccess, or a policy of the user or of one of its groups with an Allow statement on Action `*` and Resource `*`.",
          Severity.HIGH,
          List.of("1.16"),
          List.of("IAM.1"),
          "Remove *:* from the user: give administrators a role assumed with MFA or an IAM Identity Center permission set,"
              + " and give the user least-privilege policies for what it actually does.");

  UserFullAdminCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    return UserFindings.each(
        context,
        METADATA,
        (user, details) -> {
          List<String> grants = Surfaces.userAdminGrants(user, details.groups());
          return grants.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  user.name()
                      + " is granted *:* (full administrator) through "
                      + String.join("; ", grants));
        });
  }
}
