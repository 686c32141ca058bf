package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.administratorAccess;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.Inventories.user;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.PasswordRules;
import dev.keywarden.inventory.Reading;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The password policy parts, {@code admin-no-hardware-mfa}, {@code access-analyzer-disabled},
 * {@code root-access-not-centralized}.
 */
class AccountSettingChecksTest {
  private static final PasswordPolicy STRONG =
      new PasswordPolicy(true, 14, Optional.of(24), Optional.of(90));

  static Stream<Arguments> parts() {
    return Stream.of(
        Arguments.of(
            new PasswordPolicyUppercaseCheck(),
            new PasswordRules(false, true, true, true),
            "uppercase"),
        Arguments.of(
            new PasswordPolicyLowercaseCheck(),
            new PasswordRules(true, false, true, true),
            "lowercase"),
        Arguments.of(
            new PasswordPolicyNumbersCheck(),
            new PasswordRules(true, true, false, true),
            "numbers"),
        Arguments.of(
            new PasswordPolicySymbolsCheck(),
            new PasswordRules(true, true, true, false),
            "symbols"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("parts")
  void characterPart_whenNotRequired_firesNamingThePart(
      Check check, PasswordRules rules, String part) {
    CheckOutcome outcome =
        check.evaluate(
            online().passwordPolicy(STRONG).surface(surface().passwordRules(rules)).context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("password policy part '" + part + "'"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("parts")
  void characterPart_whenRequired_isQuiet(Check check, PasswordRules ignored, String part) {
    assertThat(
            check.evaluate(online().passwordPolicy(STRONG).surface(surface()).context()).findings())
        .isEmpty();
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("parts")
  void characterPart_whenNoPolicy_fires(Check check, PasswordRules ignored, String part) {
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

  @Test
  void expiry_whenExactlyNinetyDays_isQuietAndNinetyOneFires() {
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
  void expiry_whenPasswordsNeverExpire_fires() {
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

  @Test
  void adminNoHardwareMfa_whenAdminWithoutMfaOrWithVirtual_firesAndHardwareIsQuiet() {
    var noMfa = user("nomfa").attached(administratorAccess());
    var virtual = user("virtual").attached(administratorAccess()).mfa();
    var hardware = user("hardware").attached(administratorAccess()).mfa();
    var plain = user("plain");

    CheckOutcome outcome =
        new AdminNoHardwareMfaCheck()
            .evaluate(
                online()
                    .with(noMfa, virtual, hardware, plain)
                    .surface(surface().virtualMfa(virtual.arn))
                    .context());

    assertThat(outcome.findings())
        .extracting(Finding::principal)
        .containsExactly("nomfa", "virtual");
    assertThat(outcome.findings().get(1).message()).contains("virtual MFA device");
  }

  @Test
  void adminNoHardwareMfa_whenAdminThroughGroup_fires() {
    CheckOutcome outcome =
        new AdminNoHardwareMfaCheck()
            .evaluate(
                online()
                    .with(user("ann").inGroup("admins"))
                    .group("admins", administratorAccess())
                    .surface(surface())
                    .context());

    assertThat(outcome.findings()).extracting(Finding::principal).containsExactly("ann");
  }

  @Test
  void accessAnalyzer_whenNoActiveAnalyzer_firesAndActiveIsQuiet() {
    AccessAnalyzerDisabledCheck check = new AccessAnalyzerDisabledCheck();

    assertThat(
            check
                .evaluate(online().surface(surface().accessAnalyzer(Reading.of(false))).context())
                .findings())
        .hasSize(1);
    assertThat(
            check
                .evaluate(online().surface(surface().accessAnalyzer(Reading.of(true))).context())
                .findings())
        .isEmpty();
  }

  @Test
  void accessAnalyzer_whenRefusedAsUnknown_isSkippedNeverPassed() {
    CheckOutcome outcome =
        new AccessAnalyzerDisabledCheck()
            .evaluate(
                online()
                    .surface(
                        surface()
                            .accessAnalyzer(
                                Reading.missing(
                                    "the endpoint refused access-analyzer:ListAnalyzers as unknown")))
                    .context());

    assertThat(outcome.skippedBecause())
        .hasValueSatisfying(r -> assertThat(r).contains("refused", "unknown"));
  }

  @Test
  void rootAccessNotCentralized_whenFeatureOff_firesOnWhenOnQuietAndSkippedWhenUnknown() {
    RootAccessNotCentralizedCheck check = new RootAccessNotCentralizedCheck();

    assertThat(
            check
                .evaluate(
                    online()
                        .surface(surface().rootCredentialsManagement(Reading.of(false)))
                        .context())
                .findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("RootCredentialsManagement is off"));
    assertThat(check.evaluate(online().surface(surface()).context()).findings()).isEmpty();
    assertThat(
            check
                .evaluate(
                    online()
                        .surface(
                            surface()
                                .rootCredentialsManagement(
                                    Reading.missing("only the management account")))
                        .context())
                .skippedBecause())
        .contains("only the management account");
  }
}
