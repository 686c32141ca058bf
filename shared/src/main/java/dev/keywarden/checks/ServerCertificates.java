package dev.keywarden.checks;

import dev.keywarden.inventory.Reading;
import dev.keywarden.inventory.ServerCertificate;
import java.util.List;
import java.util.Optional;

/** The server certificates both certificate checks read, or why they cannot. */
final class ServerCertificates {
  private ServerCertificates() {}

  static Optional<String> missing(CheckContext context) {
    if (Surfaces.of(context).isEmpty()) {
      return Optional.of(Surfaces.MISSING);
    }
    return Surfaces.of(context).get().serverCertificates().missingBecause();
  }

  static List<ServerCertificate> of(CheckContext context) {
    Reading<List<ServerCertificate>> reading =
        Surfaces.of(context).orElseThrow().serverCertificates();
    return reading.value().orElseThrow();
  }
}
