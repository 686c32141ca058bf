package dev.keywarden.findings;

import dev.keywarden.checks.ExemptionGrant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the security team's exemptions are kept, apart from the users' tags, so that only whoever
 * may write here (not whoever may tag a user) can set findings aside.
 */
public interface ExemptionGrants {
  /** The account's grants that were not revoked, expired or not, read in one call. */
  List<ExemptionGrant> forAccount(String accountId);

  /** Every grant of every account that was not revoked, for the weekly report. */
  List<ExemptionGrant> all();

  /** Records the grant, replacing any earlier grant for the same user. */
  void grant(ExemptionGrant grant);

  /**
   * Revokes the user's grant, recording who and when.
   *
   * @return the grant revoked, or empty when the user had none
   */
  Optional<ExemptionGrant> revoke(String accountId, String userName, String revokedBy, Instant at);

  /** No grants at all: every exemption tag is only a request. */
  static ExemptionGrants none() {
    return new ExemptionGrants() {
      @Override
      public List<ExemptionGrant> forAccount(String accountId) {
        return List.of();
      }

      @Override
      public List<ExemptionGrant> all() {
        return List.of();
      }

      @Override
      public void grant(ExemptionGrant grant) {
        throw new UnsupportedOperationException("no grant store");
      }

      @Override
      public Optional<ExemptionGrant> revoke(
          String accountId, String userName, String revokedBy, Instant at) {
        return Optional.empty();
      }
    };
  }
}
