package dev.keywarden.securityhub;

import dev.keywarden.InvalidInputException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether findings go to AWS Security Hub, and as which product: the custom-integration product of
 * the account that imports them ({@code arn:<partition>:securityhub:<region>:<account>:product/<account>/default}).
 *
 * <p>Set by the environment variable {@value #ENV}; unset, nothing is sent. The template sets it
 * when its {@code SecurityHubExport} parameter is {@code enabled}.
 *
 * @param productArn the product findings are imported as
 * @param partition the ARN partition, such as {@code aws}
 * @param region the region of the product, where findings are imported
 * @param importingAccountId the account that imports (the auditor's)
 */
public record SecurityHubSettings(String productArn, String partition, String region, String importingAccountId) {
  /** The environment variable naming the product ARN. */
  public static final String ENV = "KEYWARDEN_SECURITY_HUB_PRODUCT_ARN";
  private static final Pattern PRODUCT_ARN =
      Pattern.compile("arn:(aws[a-z-]*):securityhub:([a-z]{2}(?:-[a-z]+)+-\\d):(\\d{12}):product/(\\d{12})/default");

  public SecurityHubSettings {
    Objects.requireNonNull(productArn, "productArn");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(importingAccountId, "importingAccountId");
  }

  /**
   * Reads the product ARN of a custom integration.
   *
   * @throws InvalidInputException when it is not one, naming what was expected
   */
  public static SecurityHubSettings parse(String productArn, String origin) {
    Matcher m = PRODUCT_ARN.matcher(productArn.trim());
    if (!m.matches()) {
      throw new InvalidInputException(origin + ": '" + productArn + "' is not a Security Hub custom-integration product"
          + " ARN; expected arn:aws:securityhub:REGION:ACCOUNT:product/ACCOUNT/default, such as"
          + " arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default");
    }
    if (!m.group(3).equals(m.group(4))) {
      throw new InvalidInputException(origin + ": '" + productArn + "' names account " + m.group(3)
          + " and product/" + m.group(4) + "; a custom integration's product belongs to the account that imports,"
          + " so both must be that account");
    }
    return new SecurityHubSettings(productArn.trim(), m.group(1), m.group(2), m.group(3));
  }

  /** The settings the environment gives, or empty when {@value #ENV} is unset or blank. */
  public static Optional<SecurityHubSettings> fromEnvironment(Map<String, String> environment) {
    String value = environment.get(ENV);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(parse(value, "environment variable " + ENV));
  }

  /** The default product of {@code accountId} in {@code region}, in the commercial partition. */
  public static SecurityHubSettings forAccount(String accountId, String region) {
    return parse("arn:aws:securityhub:" + region + ":" + accountId + ":product/" + accountId + "/default", "product");
  }
}
