package dev.keywarden.inventory;

/**
 * The account-wide flags of {@code GetAccountSummary} that the root checks read.
 *
 * @param rootMfaEnabled {@code AccountMFAEnabled}: the root user has an MFA device
 * @param rootAccessKeysPresent {@code AccountAccessKeysPresent}: the root user has an access key
 * @param users {@code Users}: how many IAM users the account holds
 */
public record AccountSummary(boolean rootMfaEnabled, boolean rootAccessKeysPresent, int users) {}
