package dev.keywarden.audit;

import java.util.Map;
import java.util.Objects;

/**
 * One active account of the Organization as the dispatcher lists it, so that the audit knows whom
 * it covers without asking Organizations again.
 *
 * @param id the 12-digit account id
 * @param name the account's name
 * @param email the account's root e-mail address
 * @param tags the account's tags in Organizations (empty when they were not read)
 */
public record MemberAccount(String id, String name, String email, Map<String, String> tags) {
  public MemberAccount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    tags = Map.copyOf(tags);
  }
}
