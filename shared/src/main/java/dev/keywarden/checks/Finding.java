package dev.keywarden.checks;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in one account, on one principal or resource.
 *
 * <p>{@code (accountId, checkId, resourceId)} identifies a finding across runs, so a rerun updates
 * the same finding instead of adding another.
 *
 * @param checkId the id of the check that found it
 * @param severity the check's severity
 * @param accountId the 12-digit account id
 * @param principal the user name as in the credential report, {@code <root_account>} for root, or
 *     {@code <account>} for account-wide settings
 * @param resourceId what the finding is about: the user's ARN, the ARN plus {@code #access_key_1}
 *     or {@code #access_key_2} for a key, or the account's root ARN
 * @param title the check's title
 * @param message what exactly is wrong, with the numbers that matter
 * @param deadline for key findings, when the key reaches its maximum age
 */
public record Finding(
    String checkId,
    Severity severity,
    String accountId,
    String principal,
    String resourceId,
    String title,
    String message,
    Optional<Instant> deadline) {

  /** The principal of findings about account-wide settings, such as the password policy. */
  public static final String ACCOUNT = "<account>";

  public Finding {
    Objects.requireNonNull(checkId, "checkId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(deadline, "deadline");
  }

  /** A finding of {@code check} with no deadline. */
  public static Finding of(
      CheckMetadata check, String accountId, String principal, String resourceId, String message) {
    return new Finding(
        check.id(),
        check.severity(),
        accountId,
        principal,
        resourceId,
        check.title(),
        message,
        Optional.empty());
  }

  /** The same finding with a deadline. */
  public Finding withDeadline(Instant when) {
    return new Finding(
        checkId, severity, accountId, principal, resourceId, title, message, Optional.of(when));
  }
}
