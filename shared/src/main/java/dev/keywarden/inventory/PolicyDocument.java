package dev.keywarden.inventory;

import java.util.Objects;

/**
 * A named IAM policy with its JSON document, already URL-decoded.
 *
 * @param name the policy's name (inline) or ARN's last part (managed)
 * @param arn the managed policy's ARN; empty string for inline policies
 * @param document the policy JSON; empty string when the document is not known (an AWS-managed
 *     policy, whose meaning is judged from its ARN)
 */
public record PolicyDocument(String name, String arn, String document) {
  /** The AWS-managed policy that grants {@code *:*}. */
  public static final String ADMINISTRATOR_ACCESS_ARN =
      "arn:aws:iam::aws:policy/AdministratorAccess";

  public PolicyDocument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(document, "document");
  }

  public boolean inline() {
    return arn.isEmpty();
  }
}
