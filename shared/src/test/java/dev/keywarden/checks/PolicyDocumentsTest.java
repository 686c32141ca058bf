package dev.keywarden.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyDocumentsTest {
  @ParameterizedTest(name = "[{index}] admin={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}} | true",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"*\"],\"Resource\":[\"*\"]}]} | true",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]} | true",
        "{\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}} | false",
        "{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}} | false",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::bucket/*\"}} | false",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}} | false",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotResource\":\"*\"}} | false",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":{\"a\":\"*\"},\"Resource\":\"*\"}} | false",
        "{\"Statement\":[]} | false",
        "not json | false",
        "'' | false"
      })
  void grantsFullAdmin_forDocument_answersWhetherItAllowsStarOnStar(
      String document, boolean admin) {
    assertThat(PolicyDocuments.grantsFullAdmin(document)).isEqualTo(admin);
  }
}
