package dev.keywarden.inventory;

import java.util.Objects;

/**
 * A customer-managed policy of the account, attached or not.
 *
 * @param name the policy's name
 * @param arn the policy's ARN
 * @param document the default version's JSON, URL-decoded
 * @param attachments how many users, groups and roles it is attached to
 */
public record ManagedPolicy(String name, String arn, String document, int attachments) {
  public ManagedPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(document, "document");
    if (attachments < 0) {
      throw new IllegalArgumentException("attachments must not be negative, was " + attachments);
    }
  }
}
