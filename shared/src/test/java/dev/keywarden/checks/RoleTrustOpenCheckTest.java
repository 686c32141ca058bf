package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.role;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.IamRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code role-trust-open}. */
class RoleTrustOpenCheckTest {
  private static String trust(String principal, String condition) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
        + principal
        + ",\"Action\":\"sts:AssumeRole\""
        + (condition == null ? "" : ",\"Condition\":" + condition)
        + "}]}";
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"*\"",
        "{\"AWS\":\"*\"}",
        "{\"AWS\":[\"arn:aws:iam::123456789012:root\",\"*\"]}",
        "{\"AWS\":\"arn:aws:iam::*:root\"}"
      })
  void evaluate_whenAnyPrincipalWithoutCondition_fires(String principal) {
    IamRole role = role("open", daysAgo(10), null, trust(principal, null));

    assertThat(
            new RoleTrustOpenCheck()
                .evaluate(online().surface(surface().role(role)).context())
                .findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("role open", "without a condition"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"AWS\":\"arn:aws:iam::210987654321:root\"}",
        "{\"Service\":\"lambda.amazonaws.com\"}"
      })
  void evaluate_whenNamedPrincipal_isQuiet(String principal) {
    IamRole role = role("named", daysAgo(10), null, trust(principal, null));

    assertThat(
            new RoleTrustOpenCheck()
                .evaluate(online().surface(surface().role(role)).context())
                .findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenStarPrincipalWithCondition_isQuiet() {
    IamRole role =
        role(
            "org",
            daysAgo(10),
            null,
            trust("{\"AWS\":\"*\"}", "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-1\"}}"));

    assertThat(
            new RoleTrustOpenCheck()
                .evaluate(online().surface(surface().role(role)).context())
                .findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenStarPrincipalDenied_isQuiet() {
    String deny =
        "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}]}";
    IamRole role = role("deny", daysAgo(10), null, deny);

    assertThat(
            new RoleTrustOpenCheck()
                .evaluate(online().surface(surface().role(role)).context())
                .findings())
        .isEmpty();
  }
}
