package dev.keywarden.inventory;

import java.time.Instant;
import java.util.Objects;

/**
 * A TLS server certificate stored in IAM ({@code ListServerCertificates}).
 *
 * @param name the certificate's name
 * @param arn the certificate's ARN
 * @param expiration when the certificate stops being valid
 */
public record ServerCertificate(String name, String arn, Instant expiration) {
  public ServerCertificate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(expiration, "expiration");
  }
}
