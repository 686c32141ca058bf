package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code policy-service-wildcard}. */
class PolicyServiceWildcardCheckTest {
  @Test
  void evaluate_whenServiceStarActions_firesListingThemSorted() {
    String doc =
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"iam:*\",\"ec2:Describe*\"],\"Resource\":\"*\"}]}";

    CheckOutcome outcome =
        new PolicyServiceWildcardCheck()
            .evaluate(online().surface(surface().policy("wide", doc, 1)).context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).endsWith("allows iam:*, s3:*"));
  }

  @Test
  void evaluate_whenPrefixWildcardOrDeniedOrFullStar_isQuiet() {
    String doc =
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ec2:Describe*\",\"*\"],\"Resource\":\"*\"},"
            + "{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\"}]}";

    assertThat(
            new PolicyServiceWildcardCheck()
                .evaluate(online().surface(surface().policy("p", doc, 1)).context())
                .findings())
        .isEmpty();
  }
}
