package dev.keywarden.inventory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A long-lived credential of an IAM user other than its access keys and password: an X.509 signing
 * certificate, an SSH public key (CodeCommit) or a service-specific credential (CodeCommit Git
 * credentials, Amazon Bedrock API keys, Amazon Keyspaces). None of them records when it was last
 * used.
 *
 * @param kind which kind of credential
 * @param user the user's name
 * @param id the credential's id as IAM gives it (certificate id, SSH public key id, credential id)
 * @param service for service-specific credentials the service it is for, such as {@code
 *     codecommit.amazonaws.com}; empty otherwise
 * @param active whether IAM accepts it
 * @param created when it was uploaded or created
 * @param expires when IAM stops accepting it on its own (Bedrock API keys may carry one); empty
 *     when never
 */
public record UserCredential(
    Kind kind,
    String user,
    String id,
    String service,
    boolean active,
    Instant created,
    Optional<Instant> expires) {
  /** The kinds of long-lived user credential besides access keys. */
  public enum Kind {
    SIGNING_CERTIFICATE("signing certificate"),
    SSH_PUBLIC_KEY("SSH public key"),
    SERVICE_SPECIFIC("service-specific credential");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public UserCredential {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(expires, "expires");
  }
}
