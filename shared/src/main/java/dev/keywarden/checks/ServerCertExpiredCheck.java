package dev.keywarden.checks;

import dev.keywarden.inventory.ServerCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds expired TLS certificates still stored in IAM, which a load balancer could still be made to
 * serve.
 */
public final class ServerCertExpiredCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "server-cert-expired",
          "Expired TLS server certificate is stored in IAM",
          "A server certificate in IAM (`ListServerCertificates`) whose expiration is at or before the audit's time.",
          Severity.MEDIUM,
          List.of("1.19"),
          List.of("1.18"),
          List.of("IAM.26"),
          "Delete the expired certificate (`aws iam delete-server-certificate --server-certificate-name NAME`) after checking"
              + " that nothing still refers to it; keep certificates in AWS Certificate Manager, which renews them.");

  ServerCertExpiredCheck() {}

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
    List<Finding> findings = new ArrayList<>();
    for (ServerCertificate cert : ServerCertificates.of(context)) {
      if (!cert.expiration().isAfter(context.asOf())) {
        String message =
            "server certificate "
                + cert.name()
                + " expired on "
                + cert.expiration()
                + ", "
                + Resources.plural(Resources.days(cert.expiration(), context.asOf()), "day")
                + " ago";
        findings.add(
            Finding.of(
                METADATA,
                context.accountId(),
                "server-certificate/" + cert.name(),
                cert.arn(),
                message));
      }
    }
    return CheckOutcome.of(findings);
  }
}
