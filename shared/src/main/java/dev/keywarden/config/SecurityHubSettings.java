package dev.keywarden.config;

import dev.keywarden.InvalidInputException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether findings go to AWS Security Hub, and as which product: the custom-integration product of
 * the account that imports them ({@code
 * arn:<partition>:securityhub:<region>:<account>:product/<account>/default}).
 *
 * <p>Set by {@code security-hub-product-arn} (config file) or {@value #ENV}, read by {@link
 * ConfigLoader}; unset or blank, nothing is sent. The template sets the variable when its {@code
 * SecurityHubExport} parameter is {@code enabled}.
 *
 * @param productArn the product findings are imported as
 * @param partition the ARN partition, such as {@code aws}
 * @param region the region of the product, where findings are imported
 * @param importingAccountId the account that imports (the auditor's)
 */
public record SecurityHubSettings(
    String productArn, String partition, String region, String importingAccountId) {
  /**
   * The environment variable naming the product ARN (the {@code security-hub-product-arn} setting).
   */
  public static final String ENV = "KEYWARDEN_SECURITY_HUB_PRODUCT_ARN";

  private static final Pattern PRODUCT_ARN =
      Pattern.compile(
          "arn:(aws[a-z-]*):securityhub:([a-z]{2}(?:-[a-z]+)+-\\d):(\\d{12}):product/(\\d{12})/default");

  public SecurityHubSettings {
    Objects.requireNonNull(productArn, "productArn");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(importingAccountId, "importingAccountId");
  }

  /**
   * Reads the product ARN of a custom integration.
   *
   * @param origin where the value came from and which setting it is, for the message
   * @throws InvalidInputException when it is not one, naming what was expected and what was given
   */
  public static SecurityHubSettings parse(String productArn, String origin) {
    String value = productArn.strip();
    Matcher m = PRODUCT_ARN.matcher(value);
    if (!m.matches()) {
      throw new InvalidInputException(
          origin
              + " must be a Security Hub custom-integration product ARN,"
              + " arn:PARTITION:securityhub:REGION:ACCOUNT:product/ACCOUNT/default, such as"
              + " arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default; got '"
              + shown(value)
              + "'");
    }
    if (!m.group(3).equals(m.group(4))) {
      throw new InvalidInputException(
          origin
              + ": '"
              + shown(value)
              + "' names account "
              + m.group(3)
              + " and product/"
              + m.group(4)
              + "; a custom integration's product belongs to the account that imports,"
              + " so both must be that account");
    }
    return new SecurityHubSettings(value, m.group(1), m.group(2), m.group(3));
  }

  private static String shown(String value) {
    String printable = value.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 120 ? printable : printable.substring(0, 117) + "...";
  }

  /** The default product of {@code accountId} in {@code region}, in the commercial partition. */
  public static SecurityHubSettings forAccount(String accountId, String region) {
    return parse(
        "arn:aws:securityhub:" + region + ":" + accountId + ":product/" + accountId + "/default",
        "product");
  }
}
