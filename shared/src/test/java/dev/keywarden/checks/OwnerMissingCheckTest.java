package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OwnerMissingCheckTest {
  private static final Check CHECK = new OwnerMissingCheck();

  private static List<Finding> findings(Inventories.Row row) {
    return CHECK.evaluate(Inventories.online().with(row).context()).findings();
  }

  @ParameterizedTest
  @ValueSource(strings = {"owner", "Owner", "email", "keywarden:owner"})
  void evaluate_whenAnyOwnerTagHoldsEmail_findsNothing(String key) {
    assertThat(findings(user("svc").key(1, daysAgo(3)).tag(key, "platform-team@example.com")))
        .isEmpty();
  }

  @Test
  void evaluate_whenNoOwnerTag_listsTheKeysLookedFor() {
    Inventories.Row svc = user("svc").key(1, daysAgo(3)).tag("team", "platform");

    assertThat(findings(svc))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resourceId()).isEqualTo(svc.arn);
              assertThat(f.message())
                  .isEqualTo(
                      "svc holds an active access key but has no owner tag (looked for owner, Owner, email, keywarden:owner)");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "platform",
        "alice@",
        "@example.com",
        "alice@example",
        "a b@example.com",
        "a@b@example.com"
      })
  void evaluate_whenOwnerNotAnEmail_quotesTheValue(String value) {
    assertThat(findings(user("svc").key(1, daysAgo(3)).tag("owner", value)))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo(
                        "svc holds an active access key but its owner tag is '"
                            + value
                            + "', not an e-mail address"));
  }

  @Test
  void evaluate_whenFirstOwnerTagBad_doesNotFallThroughToLaterTags() {
    Inventories.Row svc =
        user("svc").key(1, daysAgo(3)).tag("email", "ops@example.com").tag("owner", "ops team");

    assertThat(findings(svc))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("owner tag is 'ops team'"));
  }

  @Test
  void evaluate_whenFirstOwnerTagBlank_usesTheNext() {
    assertThat(
            findings(
                user("svc").key(1, daysAgo(3)).tag("owner", " ").tag("email", "ops@example.com")))
        .isEmpty();
  }

  @Test
  void evaluate_whenNoActiveKey_findsNothing() {
    assertThat(findings(user("heidi").password(daysAgo(1)).inactiveKey(1, daysAgo(50), null)))
        .isEmpty();
  }

  @Test
  void evaluate_whenOffline_isSkipped() {
    assertThat(
            CHECK
                .evaluate(Inventories.offline().with(user("svc").key(1, daysAgo(3))).context())
                .skipped())
        .isTrue();
  }
}
