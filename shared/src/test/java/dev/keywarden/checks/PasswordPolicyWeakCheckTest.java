package dev.keywarden.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.PasswordPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyWeakCheckTest {
  private static final Check CHECK = new PasswordPolicyWeakCheck();

  private static List<Finding> findings(PasswordPolicy policy) {
    return CHECK.evaluate(Inventories.online().passwordPolicy(policy).context()).findings();
  }

  @ParameterizedTest(name = "length {0}, reuse {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "14 | 24 | ''",
        "20 | 24 | ''",
        "13 | 24 | minimum length is 13 (required at least 14)",
        "14 | 23 | reuse prevention remembers 23 passwords (required at least 24)",
        "14 |    | password reuse is not prevented (required at least 24 remembered passwords)",
        "8  | 5  | minimum length is 8 (required at least 14); reuse prevention remembers 5 passwords (required at least 24)"
      })
  void evaluate_whenPolicyPresent_listsEveryShortfall(
      int length, Integer reuse, String shortfalls) {
    List<Finding> findings =
        findings(new PasswordPolicy(true, length, Optional.ofNullable(reuse), Optional.empty()));

    if (shortfalls.isEmpty()) {
      assertThat(findings).isEmpty();
    } else {
      assertThat(findings)
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.message())
                      .isEqualTo("the account password policy is weak: " + shortfalls));
    }
  }

  @Test
  void evaluate_whenNoPolicy_findsTheAccount() {
    assertThat(findings(PasswordPolicy.absent()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.principal()).isEqualTo(Finding.ACCOUNT);
              assertThat(f.resourceId())
                  .isEqualTo("arn:aws:iam::123456789012:account-password-policy");
              assertThat(f.message()).startsWith("the account has no password policy");
            });
  }

  @Test
  void evaluate_whenPolicyUnknown_isSkipped() {
    assertThat(CHECK.evaluate(Inventories.offline().context()).skippedBecause())
        .hasValueSatisfying(r -> assertThat(r).contains("GetAccountPasswordPolicy"));
  }
}
