package dev.keywarden.checks;

import static dev.keywarden.checks.CheckFixtures.STRONG;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.PasswordRules;
import org.junit.jupiter.api.Test;

/**
 * What every character-class part of the password policy (upper case, lower case, numbers, symbols)
 * must do, run by each part's own test class: fire naming its part when only that part is not
 * required, stay quiet when it is, and fire when there is no policy at all.
 */
abstract class PasswordPolicyPartContract {
  /** The check under test. */
  abstract Check check();

  /** The part's name as the finding states it, such as {@code lowercase}. */
  abstract String part();

  /** Rules that require every character class but this part's. */
  abstract PasswordRules allBut();

  @Test
  void evaluate_whenNotRequired_firesNamingThePart() {
    CheckOutcome outcome =
        check()
            .evaluate(
                online()
                    .passwordPolicy(STRONG)
                    .surface(surface().passwordRules(allBut()))
                    .context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(
            f -> assertThat(f.message()).startsWith("password policy part '" + part() + "'"));
  }

  @Test
  void evaluate_whenRequired_isQuiet() {
    assertThat(
            check()
                .evaluate(online().passwordPolicy(STRONG).surface(surface()).context())
                .findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenNoPolicy_fires() {
    CheckOutcome outcome =
        check()
            .evaluate(
                online()
                    .passwordPolicy(PasswordPolicy.absent())
                    .surface(surface().passwordRules(PasswordRules.none()))
                    .context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("no password policy"));
  }
}
