package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.KeywardenException;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportParser;
import dev.keywarden.remediate.KeyStatus;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithEmulator
class AccessKeyGatewayIT {
  private final List<Duration> pauses = new ArrayList<>();
  private CallCounter calls;
  private AwsClientFactory clients;
  private AccountSeeder seed;
  private AccessKeyGateway gateway;

  @BeforeEach
  void connect(AwsEndpoint emulator) {
    calls = CallCounter.create();
    clients = EmulatorClients.of(emulator, calls);
    seed = AccountSeeder.using(clients.iam());
    gateway = AccessKeyGateway.create(clients.iam(), 3, pauses::add);
  }

  @AfterEach
  void close() {
    clients.close();
  }

  /** The slot's last rotation as the credential report gives it. */
  private Instant lastRotated(String user, int slot) {
    IamInventoryReader reader =
        IamInventoryReader.create(
            clients.iam(), clients.sts(), Clock.systemUTC(), Duration.ofSeconds(30), d -> {});
    CredentialReport report =
        CredentialReportParser.parse(
            reader.credentialReportCsv(reader.callerIdentity().arn(), "123456789012"),
            "credential report");
    return report.users().stream()
        .filter(r -> r.user().equals(user))
        .findFirst()
        .orElseThrow()
        .accessKeys()
        .get(slot - 1)
        .lastRotated()
        .orElseThrow();
  }

  /** Creates two keys a second apart, so that their creation times differ; returns their ids. */
  private List<String> twoKeys(String user) throws InterruptedException {
    seed.createUser(user, Map.of());
    String first = seed.addAccessKey(user);
    Thread.sleep(1100);
    String second = seed.addAccessKey(user);
    return List.of(first, second);
  }

  @Test
  void accessKeyId_whenUserHasTwoKeys_findsTheOneTheReportSlotNames() throws InterruptedException {
    List<String> ids = twoKeys("svc");

    assertThat(gateway.accessKeyId("svc", lastRotated("svc", 1))).contains(ids.get(0));
    assertThat(gateway.accessKeyId("svc", lastRotated("svc", 2))).contains(ids.get(1));
  }

  @Test
  void accessKeyId_whenNoKeyCreatedThen_isEmpty() {
    seed.createUser("svc", Map.of());
    seed.addAccessKey("svc");

    assertThat(gateway.accessKeyId("svc", Instant.parse("2020-01-01T00:00:00Z"))).isEmpty();
  }

  @Test
  void accessKeyId_whenUserMissing_isEmpty() {
    assertThat(gateway.accessKeyId("nobody", Instant.parse("2020-01-01T00:00:00Z"))).isEmpty();
  }

  @Test
  void status_whenKeyNew_isActive() {
    seed.createUser("svc", Map.of());
    String key = seed.addAccessKey("svc");

    assertThat(gateway.status("svc", key)).isEqualTo(KeyStatus.ACTIVE);
  }

  @Test
  void status_whenKeyUnknown_isMissing() {
    seed.createUser("svc", Map.of());

    assertThat(gateway.status("svc", "AKIAIOSFODNN7EXAMPLE")).isEqualTo(KeyStatus.MISSING);
  }

  @Test
  void deactivate_whenKeyActive_readsBackInactiveAndLeavesTheOtherKeyActive()
      throws InterruptedException {
    List<String> ids = twoKeys("svc");

    gateway.deactivate("svc", ids.get(1));

    assertThat(gateway.awaitStatus("svc", ids.get(1), KeyStatus.INACTIVE))
        .isEqualTo(KeyStatus.INACTIVE);
    assertThat(gateway.status("svc", ids.get(0))).isEqualTo(KeyStatus.ACTIVE);
    assertThat(pauses).isEmpty();
  }

  @Test
  void reactivate_whenKeyInactive_readsBackActive() {
    seed.createUser("svc", Map.of());
    String key = seed.addAccessKey("svc");
    gateway.deactivate("svc", key);

    gateway.reactivate("svc", key);

    assertThat(gateway.awaitStatus("svc", key, KeyStatus.ACTIVE)).isEqualTo(KeyStatus.ACTIVE);
  }

  @Test
  void awaitStatus_whenNeverReached_readsAttemptsTimesWithBackoffAndReturnsLastStatus() {
    seed.createUser("svc", Map.of());
    String key = seed.addAccessKey("svc");

    KeyStatus status = gateway.awaitStatus("svc", key, KeyStatus.INACTIVE, 4, pauses::add);

    assertThat(status).isEqualTo(KeyStatus.ACTIVE);
    assertThat(pauses)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void deactivate_whenKeyUnknown_failsNamingOperationUserAndKey() {
    seed.createUser("svc", Map.of());

    assertThatThrownBy(() -> gateway.deactivate("svc", "AKIAIOSFODNN7EXAMPLE"))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("iam:UpdateAccessKey")
        .hasMessageContaining("AKIAIOSFODNN7EXAMPLE")
        .hasMessageContaining("svc");
  }

  @Test
  void deactivate_whenCalled_makesOneUpdateAccessKeyCall() {
    seed.createUser("svc", Map.of());
    String key = seed.addAccessKey("svc");
    calls.reset();

    gateway.deactivate("svc", key);

    assertThat(calls.snapshot()).containsEntry("Iam:UpdateAccessKey", 1L);
  }
}
