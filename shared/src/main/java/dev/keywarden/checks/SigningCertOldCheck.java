package dev.keywarden.checks;

import dev.keywarden.inventory.CertificateSlot;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.IamSurface;
import dev.keywarden.inventory.ReportColumn;
import dev.keywarden.inventory.UserCredential;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds X.509 signing certificates kept past the key age: long-lived credentials that never expire
 * on their own.
 */
public final class SigningCertOldCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "signing-cert-old",
              "Active X.509 signing certificate is older than the maximum key age",
              "An active IAM user signing certificate uploaded or rotated `max-key-age-days` (90, or the user's"
                  + " `keywarden:max-key-age` tag) or more days ago: the"
                  + " credential report's `cert_N_last_rotated`, or, where the report gives no date, the upload date from"
                  + " `ListSigningCertificates` for that user. IAM records no last use of signing certificates, so an unused"
                  + " certificate cannot be told from a used one.",
              Severity.MEDIUM,
              List.of(),
              List.of(),
              List.of(),
              "Signing certificates are only needed by a few legacy SOAP APIs: delete the certificate (`aws iam"
                  + " delete-signing-certificate`), or upload a new one, move the client to it and delete the old.")
          .withTraits(CheckTrait.USER_ROWS);

  SigningCertOldCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    Optional<String> missing =
        Needs.columns(
            context,
            ReportColumn.CERT_1_ACTIVE,
            ReportColumn.CERT_1_LAST_ROTATED,
            ReportColumn.CERT_2_ACTIVE,
            ReportColumn.CERT_2_LAST_ROTATED);
    if (missing.isPresent()) {
      return CheckOutcome.skipped(missing.get());
    }
    Instant asOf = context.asOf();
    Optional<IamSurface> surface = Surfaces.of(context);
    List<Finding> findings = new ArrayList<>();
    for (CredentialReportRow row : context.inventory().credentialReport().users()) {
      int limit =
          UserTags.maxKeyAgeTag(context, row.user()).orElse(context.policy().maxKeyAgeDays());
      boolean undated = false;
      for (CertificateSlot slot : row.activeCertificates()) {
        if (slot.lastRotated().isEmpty()) {
          undated = true;
        } else if (Resources.atLeastDaysAgo(slot.lastRotated().get(), asOf, limit)) {
          findings.add(
              finding(
                  context,
                  row,
                  row.arn() + "#" + slot.slotName(),
                  slot.slotName(),
                  slot.lastRotated().get(),
                  limit));
        }
      }
      if (!undated) {
        continue;
      }
      if (surface.isEmpty() || !surface.get().signingCertificates().known()) {
        return CheckOutcome.skipped(
            "the credential report gives no date for an active signing certificate of "
                + row.user()
                + " and its upload date was not read: "
                + surface
                    .flatMap(s -> s.signingCertificates().missingBecause())
                    .orElse(Surfaces.MISSING));
      }
      for (UserCredential cert : surface.get().signingCertificates().value().orElseThrow()) {
        if (cert.user().equals(row.user())
            && cert.active()
            && Resources.atLeastDaysAgo(cert.created(), asOf, limit)) {
          findings.add(
              finding(
                  context,
                  row,
                  row.arn() + "#signing-certificate/" + cert.id(),
                  "signing certificate " + cert.id(),
                  cert.created(),
                  limit));
        }
      }
    }
    return CheckOutcome.of(findings);
  }

  private static Finding finding(
      CheckContext context,
      CredentialReportRow row,
      String resource,
      String what,
      Instant since,
      int limit) {
    String message =
        what
            + " of "
            + row.user()
            + " is active and "
            + Resources.plural(Resources.days(since, context.asOf()), "day")
            + " old, uploaded or rotated on "
            + since
            + " (max "
            + limit
            + ")";
    return Finding.of(METADATA, context.accountId(), row.user(), resource, message);
  }
}
