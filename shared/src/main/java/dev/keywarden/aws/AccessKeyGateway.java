package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import dev.keywarden.remediate.AccessKeys;
import dev.keywarden.remediate.KeyStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * The IAM calls that find, deactivate and reactivate one access key, and read it back until IAM's
 * eventual consistency catches up. It can only switch a key's status: it never deletes a key.
 *
 * <p>Calls: {@code iam:ListAccessKeys} (to find a key's id by creation time and to read its status)
 * and {@code iam:UpdateAccessKey}.
 */
public final class AccessKeyGateway implements AccessKeys {
  /** Reads of a key's status before {@link #awaitStatus(String, String, KeyStatus)} gives up. */
  public static final int DEFAULT_ATTEMPTS = 6;

  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  static final Duration MAX_PAUSE = Duration.ofSeconds(8);

  private final IamClient iam;
  private final int attempts;
  private final Sleeper sleeper;

  private AccessKeyGateway(IamClient iam, int attempts, Sleeper sleeper) {
    this.iam = Objects.requireNonNull(iam, "iam");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.attempts = requirePositive(attempts);
  }

  /** A gateway on the factory's IAM client, pausing the read-back on the system clock. */
  public static AccessKeyGateway create(AwsClientFactory clients) {
    return create(clients.iam(), DEFAULT_ATTEMPTS, Sleeper.system());
  }

  /** A gateway on the client; {@code attempts} reads, paced by the sleeper, confirm each change. */
  public static AccessKeyGateway create(IamClient iam, int attempts, Sleeper sleeper) {
    return new AccessKeyGateway(iam, attempts, sleeper);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The credential report names keys only by slot and "last rotated", which is the key's
   * creation time (IAM cannot rotate a key in place); this matches it to {@code CreateDate} to the
   * second. A user that no longer exists has no keys.
   *
   * @throws KeywardenException when two of the user's keys were created in the same second, since
   *     guessing could deactivate the wrong one
   */
  @Override
  public Optional<String> accessKeyId(String userName, Instant lastRotated) {
    Instant second = lastRotated.truncatedTo(ChronoUnit.SECONDS);
    List<String> matches =
        listKeys(userName, "created at " + lastRotated).stream()
            .filter(
                key ->
                    key.createDate() != null
                        && key.createDate().truncatedTo(ChronoUnit.SECONDS).equals(second))
            .map(AccessKeyMetadata::accessKeyId)
            .toList();
    if (matches.size() > 1) {
      throw new KeywardenException(
          "iam:ListAccessKeys: keys "
              + matches
              + " of user "
              + userName
              + " were all created at "
              + second
              + ", so the credential report cannot tell which one is meant; deactivate it by hand");
    }
    return matches.stream().findFirst();
  }

  @Override
  public List<String> activeKeyIds(String userName, Instant lastRotated) {
    Instant second = lastRotated.truncatedTo(ChronoUnit.SECONDS);
    return listKeys(userName, "created at " + lastRotated).stream()
        .filter(
            key ->
                key.createDate() != null
                    && key.createDate().truncatedTo(ChronoUnit.SECONDS).equals(second))
        .filter(key -> key.status() == StatusType.ACTIVE)
        .map(AccessKeyMetadata::accessKeyId)
        .sorted()
        .toList();
  }

  @Override
  public Optional<Instant> lastUsed(String userName, String accessKeyId) {
    try {
      var used = iam.getAccessKeyLastUsed(r -> r.accessKeyId(accessKeyId)).accessKeyLastUsed();
      return used == null ? Optional.empty() : Optional.ofNullable(used.lastUsedDate());
    } catch (software.amazon.awssdk.services.iam.model.IamException e) {
      throw new KeywardenException(
          "iam:GetAccessKeyLastUsed for key "
              + accessKeyId
              + " of user "
              + userName
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  /** {@inheritDoc} A key whose user no longer exists is {@link KeyStatus#MISSING}. */
  @Override
  public KeyStatus status(String userName, String accessKeyId) {
    return listKeys(userName, accessKeyId).stream()
        .filter(key -> accessKeyId.equals(key.accessKeyId()))
        .findFirst()
        .map(key -> key.status() == StatusType.ACTIVE ? KeyStatus.ACTIVE : KeyStatus.INACTIVE)
        .orElse(KeyStatus.MISSING);
  }

  @Override
  public void deactivate(String userName, String accessKeyId) {
    update(userName, accessKeyId, StatusType.INACTIVE);
  }

  @Override
  public void reactivate(String userName, String accessKeyId) {
    update(userName, accessKeyId, StatusType.ACTIVE);
  }

  @Override
  public KeyStatus awaitStatus(String userName, String accessKeyId, KeyStatus expected) {
    return awaitStatus(userName, accessKeyId, expected, attempts, sleeper);
  }

  /**
   * Reads the key's status up to {@code attempts} times until it is {@code expected}, pausing 1, 2,
   * 4 and then 8 seconds between reads.
   *
   * @return the last status read
   */
  public KeyStatus awaitStatus(
      String userName, String accessKeyId, KeyStatus expected, int attempts, Sleeper sleeper) {
    requirePositive(attempts);
    Duration pause = FIRST_PAUSE;
    KeyStatus status = status(userName, accessKeyId);
    for (int read = 1; read < attempts && status != expected; read++) {
      sleeper.sleep(pause);
      pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) < 0 ? pause.multipliedBy(2) : MAX_PAUSE;
      status = status(userName, accessKeyId);
    }
    return status;
  }

  private List<AccessKeyMetadata> listKeys(String userName, String keyDescription) {
    return call(
        "iam:ListAccessKeys",
        userName,
        keyDescription,
        () -> {
          List<AccessKeyMetadata> keys = new ArrayList<>();
          try {
            iam.listAccessKeysPaginator(r -> r.userName(userName))
                .accessKeyMetadata()
                .forEach(keys::add);
          } catch (NoSuchEntityException userGone) {
            return List.<AccessKeyMetadata>of();
          }
          return keys;
        });
  }

  private void update(String userName, String accessKeyId, StatusType status) {
    call(
        "iam:UpdateAccessKey",
        userName,
        accessKeyId,
        () ->
            iam.updateAccessKey(r -> r.userName(userName).accessKeyId(accessKeyId).status(status)));
  }

  /**
   * Runs one call, turning any SDK failure into one that names the operation, the user and the key.
   */
  static <T> T call(String operation, String userName, String key, Supplier<T> call) {
    String what = "key " + key + " of user " + userName;
    try {
      return call.get();
    } catch (AwsServiceException e) {
      String code =
          e.awsErrorDetails() == null ? "" : Objects.toString(e.awsErrorDetails().errorCode(), "");
      if (IamInventoryReader.isDenied(e)) {
        throw new KeywardenException(
            operation + " was denied for " + what + ": grant it to the audit role (" + code + ")",
            e);
      }
      if (e instanceof NoSuchEntityException || "NoSuchEntity".equals(code)) {
        throw new KeywardenException(
            operation + " found no " + what + ": it, or its user, was deleted (" + code + ")", e);
      }
      throw new KeywardenException(
          operation + " failed for " + what + ": " + code + " " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new KeywardenException(operation + " failed for " + what + ": " + e.getMessage(), e);
    }
  }

  private static int requirePositive(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    return attempts;
  }
}
