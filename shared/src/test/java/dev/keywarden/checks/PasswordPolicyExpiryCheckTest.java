package dev.keywarden.checks;

import static dev.keywarden.checks.CheckFixtures.STRONG;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.PasswordPolicy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code password-policy-expiry}. */
class PasswordPolicyExpiryCheckTest {
  @Test
  void evaluate_whenExactlyNinetyDays_isQuietAndNinetyOneFires() {
    PasswordPolicyExpiryCheck check = new PasswordPolicyExpiryCheck();

    assertThat(
            check.evaluate(online().passwordPolicy(STRONG).surface(surface()).context()).findings())
        .isEmpty();
    assertThat(
            check
                .evaluate(
                    online()
                        .passwordPolicy(
                            new PasswordPolicy(true, 14, Optional.of(24), Optional.of(91)))
                        .surface(surface())
                        .context())
                .findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("'expiry'", "after 91 days"));
  }

  @Test
  void evaluate_whenPasswordsNeverExpire_fires() {
    assertThat(
            new PasswordPolicyExpiryCheck()
                .evaluate(
                    online()
                        .passwordPolicy(
                            new PasswordPolicy(true, 14, Optional.of(24), Optional.empty()))
                        .surface(surface())
                        .context())
                .findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("never expire"));
  }
}
