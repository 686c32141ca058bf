package dev.keywarden.rotate;

import java.time.Instant;
import java.util.Objects;

/**
 * A key just created, with its secret: held only in memory between {@code CreateAccessKey} and the
 * write into Secrets Manager. {@link #toString()} never shows the secret.
 */
public record NewAccessKey(
    String userName, String accessKeyId, String secretAccessKey, Instant created) {
  public NewAccessKey {
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(created, "created");
  }

  @Override
  public String toString() {
    return "NewAccessKey[userName="
        + userName
        + ", accessKeyId="
        + accessKeyId
        + ", created="
        + created
        + ", secretAccessKey=(not shown)]";
  }
}
