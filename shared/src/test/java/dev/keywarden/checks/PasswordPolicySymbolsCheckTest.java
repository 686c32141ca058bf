package dev.keywarden.checks;

import static dev.keywarden.checks.CheckFixtures.STRONG;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.PasswordRules;
import org.junit.jupiter.api.Test;

/** {@code password-policy-symbols}. */
class PasswordPolicySymbolsCheckTest {
  private final PasswordPolicySymbolsCheck check = new PasswordPolicySymbolsCheck();

  @Test
  void evaluate_whenNotRequired_firesNamingThePart() {
    CheckOutcome outcome =
        check.evaluate(
            online()
                .passwordPolicy(STRONG)
                .surface(surface().passwordRules(new PasswordRules(true, true, true, false)))
                .context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("password policy part 'symbols'"));
  }

  @Test
  void evaluate_whenRequired_isQuiet() {
    assertThat(
            check.evaluate(online().passwordPolicy(STRONG).surface(surface()).context()).findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenNoPolicy_fires() {
    CheckOutcome outcome =
        check.evaluate(
            online()
                .passwordPolicy(PasswordPolicy.absent())
                .surface(surface().passwordRules(PasswordRules.none()))
                .context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("no password policy"));
  }
}
