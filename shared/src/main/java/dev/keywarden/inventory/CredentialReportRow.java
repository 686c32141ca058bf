package dev.keywarden.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One principal's row of the IAM credential report, with values already typed.
 *
 * <p>{@code N/A}, {@code not_supported} and {@code no_information} are never dates: they become
 * empty optionals. A column missing from the report also reads as empty; checks that need it ask
 * {@link CredentialReport#has} first and are skipped rather than guessing.
 *
 * @param user the user name as in the report; {@link #ROOT} for the account's root user
 * @param arn the principal's ARN
 * @param lineNumber the 1-based line of the report this row came from, for error messages
 * @param userCreated when the user was created
 * @param passwordEnabled whether the principal has a console password (false for root's
 *     {@code not_supported})
 * @param passwordLastUsed last console sign-in; empty when never, or no information
 * @param passwordLastChanged when the password was last set; empty when unknown
 * @param mfaActive whether an MFA device is active
 * @param accessKeys slots 1 and 2, in that order
 */
public record CredentialReportRow(
    String user,
    String arn,
    int lineNumber,
    Optional<Instant> userCreated,
    boolean passwordEnabled,
    Optional<Instant> passwordLastUsed,
    Optional<Instant> passwordLastChanged,
    boolean mfaActive,
    List<AccessKeySlot> accessKeys) {

  /** The name the credential report gives the root user's row. */
  public static final String ROOT = "<root_account>";

  public CredentialReportRow {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(userCreated, "userCreated");
    Objects.requireNonNull(passwordLastUsed, "passwordLastUsed");
    Objects.requireNonNull(passwordLastChanged, "passwordLastChanged");
    accessKeys = List.copyOf(accessKeys);
  }

  public boolean isRoot() {
    return ROOT.equals(user);
  }

  /** The slots whose key is active. */
  public List<AccessKeySlot> activeKeys() {
    return accessKeys.stream().filter(AccessKeySlot::active).toList();
  }
}
