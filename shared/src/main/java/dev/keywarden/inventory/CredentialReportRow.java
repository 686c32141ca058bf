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
 * @param passwordEnabled whether the principal has a console password (false for root's {@code
 *     not_supported})
 * @param passwordLastUsed last console sign-in; empty when never, or no information
 * @param passwordLastChanged when the password was last set; empty when unknown
 * @param mfaActive whether an MFA device is active
 * @param accessKeys slots 1 and 2, in that order
 * @param certificates signing-certificate slots 1 and 2, in that order (empty when the report has
 *     no {@code cert_*} columns)
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
    List<AccessKeySlot> accessKeys,
    List<CertificateSlot> certificates) {

  /** The name the credential report gives the root user's row. */
  public static final String ROOT = "<root_account>";

  public CredentialReportRow {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(userCreated, "userCreated");
    Objects.requireNonNull(passwordLastUsed, "passwordLastUsed");
    Objects.requireNonNull(passwordLastChanged, "passwordLastChanged");
    accessKeys = List.copyOf(accessKeys);
    certificates = List.copyOf(certificates);
  }

  /** A row without signing-certificate slots, as a report without {@code cert_*} columns has it. */
  public CredentialReportRow(
      String user,
      String arn,
      int lineNumber,
      Optional<Instant> userCreated,
      boolean passwordEnabled,
      Optional<Instant> passwordLastUsed,
      Optional<Instant> passwordLastChanged,
      boolean mfaActive,
      List<AccessKeySlot> accessKeys) {
    this(
        user,
        arn,
        lineNumber,
        userCreated,
        passwordEnabled,
        passwordLastUsed,
        passwordLastChanged,
        mfaActive,
        accessKeys,
        List.of());
  }

  /** The signing-certificate slots whose certificate is active. */
  public List<CertificateSlot> activeCertificates() {
    return certificates.stream().filter(CertificateSlot::active).toList();
  }

  public boolean isRoot() {
    return ROOT.equals(user);
  }

  /** The slots whose key is active. */
  public List<AccessKeySlot> activeKeys() {
    return accessKeys.stream().filter(AccessKeySlot::active).toList();
  }
}
