package dev.keywarden.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.KeywardenException;
import dev.keywarden.rotate.NewAccessKey;
import dev.keywarden.rotate.SecretVault;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Secrets Manager in a member account: one secret per user, {@code keywarden/access-keys/<user>},
 * whose value is {@code {"AccessKeyId": ..., "SecretAccessKey": ...}}. A new secret is encrypted
 * with the configured KMS key (or the account's {@code aws/secretsmanager} key), tagged {@code
 * keywarden:managed = true} and {@code keywarden:user = <user>}, and given a resource policy that
 * denies every principal outside the account. Calls: {@code secretsmanager:CreateSecret}, {@code
 * PutSecretValue}, {@code PutResourcePolicy}, {@code DescribeSecret}, {@code DeleteSecret}; never
 * {@code GetSecretValue}. Error messages name the secret, never its value.
 */
public final class SecretsManagerVault implements SecretVault {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretsManagerClient client;

  private SecretsManagerVault(SecretsManagerClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** The vault of the account the client acts in. */
  public static SecretsManagerVault create(SecretsManagerClient client) {
    return new SecretsManagerVault(client);
  }

  /** The resource policy every Keywarden secret gets: nobody outside the account reaches it. */
  static String resourcePolicy(String accountId) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OnlyPrincipalsOfThisAccount\",\"Effect\":\"Deny\","
        + "\"Principal\":\"*\",\"Action\":\"secretsmanager:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalAccount\":\""
        + accountId
        + "\"}}}]}";
  }

  @Override
  public void store(
      String accountId,
      String secretName,
      NewAccessKey key,
      String versionToken,
      Optional<String> kmsKeyId) {
    String value = value(key);
    boolean exists =
        call(
            "secretsmanager:DescribeSecret",
            secretName,
            () -> {
              try {
                client.describeSecret(r -> r.secretId(secretName));
                return true;
              } catch (ResourceNotFoundException e) {
                return false;
              }
            });
    if (exists) {
      call(
          "secretsmanager:PutSecretValue",
          secretName,
          () ->
              client.putSecretValue(
                  r ->
                      r.secretId(secretName).secretString(value).clientRequestToken(versionToken)));
    } else {
      call(
          "secretsmanager:CreateSecret",
          secretName,
          () ->
              client.createSecret(
                  r -> {
                    r.name(secretName)
                        .secretString(value)
                        .clientRequestToken(versionToken)
                        .description(
                            "Access key of IAM user "
                                + key.userName()
                                + ", created by Keywarden's assisted rotation")
                        .tags(
                            t -> t.key("keywarden:managed").value("true"),
                            t -> t.key("keywarden:user").value(key.userName()));
                    kmsKeyId.ifPresent(r::kmsKeyId);
                  }));
    }
    call(
        "secretsmanager:PutResourcePolicy",
        secretName,
        () ->
            client.putResourcePolicy(
                r ->
                    r.secretId(secretName)
                        .resourcePolicy(resourcePolicy(accountId))
                        .blockPublicPolicy(true)));
  }

  @Override
  public boolean holds(String secretName, String versionToken) {
    return call(
        "secretsmanager:DescribeSecret",
        secretName,
        () -> {
          try {
            DescribeSecretResponse secret = client.describeSecret(r -> r.secretId(secretName));
            return secret.hasVersionIdsToStages()
                && secret.versionIdsToStages().containsKey(versionToken);
          } catch (ResourceNotFoundException e) {
            return false;
          }
        });
  }

  @Override
  public void delete(String secretName) {
    call(
        "secretsmanager:DeleteSecret",
        secretName,
        () -> {
          try {
            return client.deleteSecret(
                r -> r.secretId(secretName).forceDeleteWithoutRecovery(true));
          } catch (ResourceNotFoundException gone) {
            return null;
          }
        });
  }

  private static String value(NewAccessKey key) {
    ObjectNode node = JSON.createObjectNode();
    node.put("AccessKeyId", key.accessKeyId());
    node.put("SecretAccessKey", key.secretAccessKey());
    return node.toString();
  }

  private static <T> T call(String operation, String secretName, Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      String code =
          e.awsErrorDetails() == null ? "" : Objects.toString(e.awsErrorDetails().errorCode(), "");
      if (IamInventoryReader.isDenied(e)) {
        throw new KeywardenException(
            operation
                + " was denied for secret "
                + secretName
                + ": grant it to the rotation role ("
                + code
                + ")",
            e);
      }
      throw new KeywardenException(operation + " failed for secret " + secretName + ": " + code, e);
    } catch (SdkException e) {
      throw new KeywardenException(
          operation + " failed for secret " + secretName + ": " + e.getClass().getSimpleName(), e);
    }
  }
}
