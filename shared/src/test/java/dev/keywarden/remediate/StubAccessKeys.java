package dev.keywarden.remediate;

import dev.keywarden.KeywardenException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keys held in a map behind our own {@link AccessKeys} port; records every call and can fail or
 * crash on demand.
 */
final class StubAccessKeys implements AccessKeys {
  private final Map<String, Key> keys = new LinkedHashMap<>();
  private final Map<String, Instant> lastUsed = new LinkedHashMap<>();

  /** IAM saw the key used at {@code at}. */
  void used(String keyId, Instant at) {
    lastUsed.put(keyId, at);
  }

  @Override
  public Optional<Instant> lastUsed(String userName, String accessKeyId) {
    return Optional.ofNullable(lastUsed.get(accessKeyId));
  }

  private final List<String> events;
  private final Set<String> denied = new HashSet<>();
  private boolean crashBeforeNextUpdate;
  private boolean crashAfterNextUpdate;
  private boolean readsStale;
  private int updates;
  private int calls;

  private record Key(String user, Instant created, KeyStatus status) {}

  StubAccessKeys(List<String> events) {
    this.events = events;
  }

  StubAccessKeys add(String user, String keyId, Instant created) {
    keys.put(keyId, new Key(user, created, KeyStatus.ACTIVE));
    return this;
  }

  void set(String keyId, KeyStatus status) {
    keys.computeIfPresent(keyId, (id, k) -> new Key(k.user(), k.created(), status));
  }

  void delete(String keyId) {
    keys.remove(keyId);
  }

  void deny(String keyId) {
    denied.add(keyId);
  }

  void allow(String keyId) {
    denied.remove(keyId);
  }

  void crashBeforeNextUpdate() {
    crashBeforeNextUpdate = true;
  }

  void crashAfterNextUpdate() {
    crashAfterNextUpdate = true;
  }

  /** Reads back never see a change: IAM stays stale past every retry. */
  void readsStale() {
    readsStale = true;
  }

  int updates() {
    return updates;
  }

  int calls() {
    return calls;
  }

  KeyStatus current(String keyId) {
    return Optional.ofNullable(keys.get(keyId)).map(Key::status).orElse(KeyStatus.MISSING);
  }

  @Override
  public Optional<String> accessKeyId(String userName, Instant lastRotated) {
    calls++;
    return keys.entrySet().stream()
        .filter(e -> e.getValue().user().equals(userName))
        .filter(
            e ->
                e.getValue()
                    .created()
                    .truncatedTo(ChronoUnit.SECONDS)
                    .equals(lastRotated.truncatedTo(ChronoUnit.SECONDS)))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  @Override
  public KeyStatus status(String userName, String accessKeyId) {
    calls++;
    Key key = keys.get(accessKeyId);
    return key == null || !key.user().equals(userName) ? KeyStatus.MISSING : key.status();
  }

  @Override
  public void deactivate(String userName, String accessKeyId) {
    update(userName, accessKeyId, KeyStatus.INACTIVE);
  }

  @Override
  public void reactivate(String userName, String accessKeyId) {
    update(userName, accessKeyId, KeyStatus.ACTIVE);
  }

  private void update(String userName, String accessKeyId, KeyStatus status) {
    calls++;
    if (crashBeforeNextUpdate) {
      crashBeforeNextUpdate = false;
      throw new InMemoryActionLog.Crash("crash before updating " + accessKeyId);
    }
    if (denied.contains(accessKeyId)) {
      throw new KeywardenException(
          "iam:UpdateAccessKey was denied for key " + accessKeyId + " of user " + userName);
    }
    if (!keys.containsKey(accessKeyId)) {
      throw new KeywardenException(
          "iam:UpdateAccessKey found no key " + accessKeyId + " of user " + userName);
    }
    updates++;
    events.add("update " + accessKeyId + " " + status);
    set(accessKeyId, status);
    if (crashAfterNextUpdate) {
      crashAfterNextUpdate = false;
      throw new InMemoryActionLog.Crash("crash after updating " + accessKeyId);
    }
  }

  @Override
  public KeyStatus awaitStatus(String userName, String accessKeyId, KeyStatus expected) {
    KeyStatus now = status(userName, accessKeyId);
    if (readsStale && now == expected) {
      return expected == KeyStatus.ACTIVE ? KeyStatus.INACTIVE : KeyStatus.ACTIVE;
    }
    return now;
  }
}
