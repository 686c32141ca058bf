package dev.keywarden.checks;

import dev.keywarden.inventory.ServerCertificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Warns before a TLS certificate in IAM expires, while there is still time to replace it without an
 * outage.
 */
public final class ServerCertExpiringCheck implements Check {
  /** How far ahead an expiry is announced. */
  static final int WARNING_DAYS = 30;

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "server-cert-expiring",
          "TLS server certificate stored in IAM expires soon",
          "A server certificate in IAM whose expiration is after the audit's time and at most "
              + WARNING_DAYS
              + " days after it.",
          Severity.LOW,
          List.of(),
          List.of(),
          List.of(),
          "Issue a replacement (best in AWS Certificate Manager, which renews on its own), move the listeners to it, then"
              + " delete the old certificate from IAM.");

  ServerCertExpiringCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    Optional<String> missing = ServerCertificates.missing(context);
    if (missing.isPresent()) {
      return CheckOutcome.skipped(missing.get());
    }
    Instant asOf = context.asOf();
    Instant horizon = asOf.plus(Duration.ofDays(WARNING_DAYS));
    List<Finding> findings = new ArrayList<>();
    for (ServerCertificate cert : ServerCertificates.of(context)) {
      if (cert.expiration().isAfter(asOf) && !cert.expiration().isAfter(horizon)) {
        String message =
            "server certificate "
                + cert.name()
                + " expires on "
                + cert.expiration()
                + ", in "
                + Resources.plural(Resources.days(asOf, cert.expiration()), "day")
                + " (warning "
                + WARNING_DAYS
                + " days ahead)";
        findings.add(
            Finding.of(
                    METADATA,
                    context.accountId(),
                    "server-certificate/" + cert.name(),
                    cert.arn(),
                    message)
                .withDeadline(cert.expiration()));
      }
    }
    return CheckOutcome.of(findings);
  }
}
