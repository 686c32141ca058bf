package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import dev.keywarden.rotate.NewAccessKey;
import dev.keywarden.rotate.RotationKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * The IAM calls of assisted rotation: {@code iam:ListAccessKeys}, {@code iam:CreateAccessKey} and
 * {@code iam:GetAccessKeyLastUsed}. Errors name the operation, user and key, never a secret.
 */
public final class RotationKeyGateway implements RotationKeys {
  private final IamClient iam;

  private RotationKeyGateway(IamClient iam) {
    this.iam = Objects.requireNonNull(iam, "iam");
  }

  public static RotationKeyGateway create(IamClient iam) {
    return new RotationKeyGateway(iam);
  }

  @Override
  public List<Key> keys(String userName) {
    return AccessKeyGateway.call(
        "iam:ListAccessKeys",
        userName,
        "(all)",
        () -> {
          List<Key> keys = new ArrayList<>();
          for (AccessKeyMetadata k :
              iam.listAccessKeysPaginator(r -> r.userName(userName)).accessKeyMetadata()) {
            keys.add(new Key(k.accessKeyId(), k.status() == StatusType.ACTIVE, k.createDate()));
          }
          return keys;
        });
  }

  @Override
  public NewAccessKey create(String userName) {
    AccessKey key;
    try {
      key =
          AccessKeyGateway.call(
              "iam:CreateAccessKey",
              userName,
              "(new)",
              () -> iam.createAccessKey(r -> r.userName(userName)).accessKey());
    } catch (KeywardenException e) {
      if (e.getCause() instanceof AwsServiceException refused
          && (refused.statusCode() == 403
              || refused.statusCode() == 404
              || IamInventoryReader.isDenied(refused))) {
        throw new Refused(
            "iam:CreateAccessKey was refused for user "
                + userName
                + " (HTTP "
                + refused.statusCode()
                + "): grant it to the audit role with member-role.yaml's AssistedRotation=enabled, and check the user exists",
            e);
      }
      throw e;
    }
    return new NewAccessKey(
        userName,
        key.accessKeyId(),
        key.secretAccessKey(),
        key.createDate() == null ? Instant.now() : key.createDate());
  }

  @Override
  public Optional<Instant> lastUsed(String accessKeyId) {
    AccessKeyLastUsed used =
        AccessKeyGateway.call(
            "iam:GetAccessKeyLastUsed",
            "(any)",
            accessKeyId,
            () -> iam.getAccessKeyLastUsed(r -> r.accessKeyId(accessKeyId)).accessKeyLastUsed());
    return used == null ? Optional.empty() : Optional.ofNullable(used.lastUsedDate());
  }
}
