package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.AccountSummary;
import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportParser;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.PolicyDocument;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

@WithEmulator
class IamInventoryReaderIT {
  private static final String ADMIN =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final String READ_S3 =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"arn:aws:s3:::team bucket/*\"}]}";
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private final List<Duration> pauses = new ArrayList<>();
  private CallCounter calls;
  private AwsClientFactory clients;
  private AccountSeeder seed;
  private IamInventoryReader reader;

  @BeforeEach
  void connect(AwsEndpoint emulator) {
    calls = CallCounter.create();
    clients = EmulatorClients.of(emulator, calls);
    seed = AccountSeeder.using(clients.iam());
    reader =
        IamInventoryReader.create(
            clients.iam(),
            clients.sts(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofSeconds(30),
            pauses::add);
  }

  @AfterEach
  void close() {
    clients.close();
  }

  private String callerArn() {
    return reader.callerIdentity().arn();
  }

  private CredentialReport credentialReport() {
    return CredentialReportParser.parse(
        reader.credentialReportCsv(callerArn(), "123456789012"), "credential report");
  }

  private static CredentialReportRow row(CredentialReport report, String user) {
    return report.users().stream().filter(r -> r.user().equals(user)).findFirst().orElseThrow();
  }

  @Test
  void callerIdentity_whenEmulatorCredentials_returnsAccountAndArn() {
    CallerIdentity caller = reader.callerIdentity();

    assertThat(caller.accountId()).matches("\\d{12}");
    assertThat(caller.arn()).startsWith("arn:aws:").contains(caller.accountId());
  }

  @Test
  void credentialReportCsv_whenReportMustBeGenerated_pollsUntilCompleteAndReturnsCsv() {
    seed.createUser("alice", Map.of());

    String csv = reader.credentialReportCsv(callerArn(), "123456789012");

    assertThat(csv).startsWith("user,arn,").contains("\nalice,");
    assertThat(pauses)
        .as("moto answers STARTED first, then COMPLETE")
        .containsExactly(Duration.ofMillis(250));
  }

  @Test
  void credentialReportCsv_whenUserHasConsolePassword_reportsPasswordEnabled() {
    seed.createUser("console-user", Map.of());
    seed.addConsolePassword("console-user", "Correct-Horse-Battery-9");
    seed.createUser("api-user", Map.of());

    CredentialReport report = credentialReport();

    assertThat(row(report, "console-user").passwordEnabled()).isTrue();
    assertThat(row(report, "api-user").passwordEnabled()).isFalse();
  }

  @Test
  void credentialReportCsv_whenUsersHoldOneAndTwoKeys_reportsActiveSlots() {
    seed.createUser("one-key", Map.of());
    seed.addAccessKey("one-key");
    seed.createUser("two-keys", Map.of());
    seed.addAccessKey("two-keys");
    seed.addAccessKey("two-keys");

    CredentialReport report = credentialReport();

    assertThat(row(report, "one-key").activeKeys())
        .extracting(AccessKeySlot::slot)
        .containsExactly(1);
    assertThat(row(report, "two-keys").activeKeys())
        .extracting(AccessKeySlot::slot)
        .containsExactly(1, 2);
  }

  @Test
  void credentialReportCsv_whenUserHasVirtualMfa_reportsMfaActive() {
    seed.createUser("mfa-user", Map.of());
    seed.enableVirtualMfa("mfa-user");

    assertThat(row(credentialReport(), "mfa-user").mfaActive()).isTrue();
  }

  @Test
  void authorizationDetails_whenUserTagged_returnsTagsAndArn() {
    String arn = seed.createUser("alice", Map.of("owner", "alice@example.com", "team", "payments"));

    IamUser alice = reader.authorizationDetails(callerArn()).user("alice").orElseThrow();

    assertThat(alice.arn()).isEqualTo(arn);
    assertThat(alice.tags())
        .containsOnly(Map.entry("owner", "alice@example.com"), Map.entry("team", "payments"));
  }

  @Test
  void authorizationDetails_whenUserHasInlineAndCustomerManagedAdmin_resolvesBothDocuments() {
    seed.createUser("admin-user", Map.of());
    String adminArn = seed.createPolicy("full-admin", ADMIN);
    seed.attachUserPolicy("admin-user", adminArn);
    seed.putUserPolicy("admin-user", "read-s3", READ_S3);

    IamUser user = reader.authorizationDetails(callerArn()).user("admin-user").orElseThrow();

    assertThat(user.attachedPolicies())
        .singleElement()
        .satisfies(
            policy -> {
              assertThat(policy.arn()).isEqualTo(adminArn);
              assertThat(policy.name()).isEqualTo("full-admin");
              assertThat(policy.document()).isEqualTo(ADMIN);
            });
    assertThat(user.inlinePolicies())
        .singleElement()
        .satisfies(
            policy -> {
              assertThat(policy.name()).isEqualTo("read-s3");
              assertThat(policy.inline()).isTrue();
              assertThat(policy.document()).contains("arn:aws:s3:::team bucket/*");
            });
  }

  @Test
  void authorizationDetails_whenUserInGroupWithPolicies_returnsMembershipAndGroupPolicies() {
    seed.createUser("bob", Map.of());
    seed.createGroup("devs");
    seed.addUserToGroup("bob", "devs");
    String readArn = seed.createPolicy("read-s3-managed", READ_S3);
    seed.attachGroupPolicy("devs", readArn);
    seed.putGroupPolicy("devs", "devs-admin", ADMIN);

    AuthorizationDetails details = reader.authorizationDetails(callerArn());

    assertThat(details.user("bob").orElseThrow().groups()).containsExactly("devs");
    assertThat(details.user("bob").orElseThrow().hasDirectPolicies()).isFalse();
    assertThat(details.groups().get("devs").attachedPolicies())
        .extracting(PolicyDocument::arn)
        .containsExactly(readArn);
    assertThat(details.groups().get("devs").attachedPolicies().get(0).document())
        .contains("s3:Get*");
    assertThat(details.groups().get("devs").inlinePolicies())
        .extracting(PolicyDocument::name)
        .containsExactly("devs-admin");
    assertThat(details.groups().get("devs").inlinePolicies().get(0).document()).startsWith("{");
  }

  @Test
  void accountSummary_whenUsersAndNoRootMfa_reportsUserCountAndRootFlags() {
    seed.createUser("alice", Map.of());
    seed.createUser("bob", Map.of());

    AccountSummary summary = reader.accountSummary(callerArn());

    assertThat(summary).isEqualTo(new AccountSummary(false, false, 2));
  }

  @Test
  void passwordPolicy_whenAccountHasNone_isAbsent() {
    assertThat(reader.passwordPolicy(callerArn())).isEqualTo(PasswordPolicy.absent());
  }

  @Test
  void passwordPolicy_whenAccountHasOne_returnsItsValues() {
    seed.setPasswordPolicy(14, 24, 90);

    assertThat(reader.passwordPolicy(callerArn()))
        .isEqualTo(new PasswordPolicy(true, 14, Optional.of(24), Optional.of(90)));
  }

  @Test
  void assignedVirtualMfaDevices_whenUserEnabledOne_listsItForTheUser() {
    String userArn = seed.createUser("mfa-user", Map.of());
    String serial = seed.enableVirtualMfa("mfa-user");

    List<VirtualMFADevice> devices = reader.assignedVirtualMfaDevices(callerArn());

    assertThat(devices)
        .singleElement()
        .satisfies(
            device -> {
              assertThat(device.serialNumber()).isEqualTo(serial);
              assertThat(device.user().arn()).isEqualTo(userArn);
            });
  }

  @Test
  void assignedVirtualMfaDevices_whenDeviceNotEnabled_leavesItOut() {
    clients.iam().createVirtualMFADevice(r -> r.virtualMFADeviceName("spare"));

    assertThat(reader.assignedVirtualMfaDevices(callerArn())).isEmpty();
  }

  @Test
  void read_whenAccountSeeded_returnsEveryPartOfTheInventory() {
    seed.createUser("alice", Map.of("owner", "alice@example.com"));
    seed.addConsolePassword("alice", "Correct-Horse-Battery-9");
    seed.addAccessKey("alice");
    seed.enableVirtualMfa("alice");
    seed.setPasswordPolicy(8, 0, 0);

    AccountInventory inventory = reader.read();

    assertThat(inventory.accountId()).matches("\\d{12}");
    assertThat(inventory.fetchedAt()).isEqualTo(NOW);
    assertThat(inventory.callerArn())
        .hasValueSatisfying(arn -> assertThat(arn).contains(inventory.accountId()));
    assertThat(inventory.credentialReport().users())
        .extracting(CredentialReportRow::user)
        .containsExactly("alice");
    assertThat(inventory.credentialReport().root()).as("moto's report has no root row").isEmpty();
    assertThat(inventory.authorization())
        .hasValueSatisfying(a -> assertThat(a.users()).containsOnlyKeys("alice"));
    assertThat(inventory.summary()).contains(new AccountSummary(false, false, 1));
    assertThat(inventory.passwordPolicy())
        .contains(new PasswordPolicy(true, 8, Optional.empty(), Optional.empty()));
    assertThat(inventory.rootVirtualMfa()).contains(false);
  }

  @Test
  void read_whenAccountHasAThousandUsers_costsAtMostTenIamCalls() {
    for (int i = 0; i < 1_000; i++) {
      seed.createUser(String.format("user-%04d", i), Map.of());
    }
    calls.reset();

    AccountInventory inventory = reader.read();

    assertThat(inventory.credentialReport().users()).hasSize(1_000);
    assertThat(inventory.authorization().orElseThrow().users()).hasSize(1_000);
    assertThat(calls.total("iam")).as("IAM calls: %s", calls.snapshot()).isLessThanOrEqualTo(10);
    assertThat(calls.snapshot()).containsEntry("Sts:GetCallerIdentity", 1L);
  }
}
