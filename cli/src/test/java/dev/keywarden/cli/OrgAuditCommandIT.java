package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.MemberAccountClients;
import dev.keywarden.config.OrgSettings;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import dev.keywarden.testsupport.WithEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keywarden org-audit} on an emulated Organization. */
@WithEmulator
class OrgAuditCommandIT {
  @TempDir Path dir;

  private AwsEndpoint endpoint;
  private AwsClientFactory management;
  private String managementId;
  private final List<String> members = new ArrayList<>();

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    this.endpoint = endpoint;
    management = LocalEmulator.clients(endpoint);
    management.organizations().createOrganization(r -> r.featureSet("ALL"));
    for (int i = 0; i < 2; i++) {
      String name = "member-" + i;
      members.add(
          management
              .organizations()
              .createAccount(r -> r.accountName(name).email(name + "@example.com"))
              .createAccountStatus()
              .accountId());
    }
    MemberAccountClients admin = administrator();
    managementId = admin.caller().accountId();
    for (int i = 0; i < members.size(); i++) {
      try (AwsClientFactory member = admin.forAccount(members.get(i), "arrange")) {
        AccountSeeder seeder = AccountSeeder.using(member.iam());
        seeder.createUser("svc-" + i, Map.of("owner", "owner-" + i + "@example.com"));
        seeder.addAccessKey("svc-" + i);
        seeder.addConsolePassword("svc-" + i, "Example-password-1!");
      }
    }
  }

  @AfterEach
  void close() {
    management.close();
  }

  @Test
  void orgAudit_auditsEveryAccountAndPrintsEachStatusAndTheTotal() {
    String url = endpoint.endpoint().toString();
    CliRun.of("setup", "--endpoint-url", url);

    CliRun run = CliRun.of("org-audit", "--endpoint-url", url, "--parallelism", "2");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    for (String account : List.of(managementId, members.get(0), members.get(1))) {
      assertThat(run.out())
          .containsPattern(account + "  audited: [1-9]\\d* open \\([1-9]\\d* new, 0 resolved\\)");
    }
    assertThat(run.out())
        .containsPattern("Run cli-\\S+: 3 accounts, 3 audited, 0 busy, 0 not audited, 0 failed\\.");
    assertThat(run.err()).as("no progress when stderr is not a terminal").doesNotContain("[1/3]");
  }

  @Test
  void orgAudit_whenFailOnCriticalAndRootHasNoMfa_exitsOne() {
    String url = endpoint.endpoint().toString();
    CliRun.of("setup", "--endpoint-url", url);

    CliRun run = CliRun.of("org-audit", "--endpoint-url", url, "--fail-on", "critical");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.FINDINGS);
    assertThat(run.out()).contains(": 3 accounts, 3 audited");
  }

  @Test
  void orgAudit_whenQuiet_printsOnlyTheTotal() {
    String url = endpoint.endpoint().toString();
    CliRun.of("setup", "--endpoint-url", url);

    CliRun run = CliRun.of("org-audit", "--endpoint-url", url, "--quiet");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    assertThat(run.out().lines())
        .singleElement()
        .asString()
        .matches("Run cli-\\S+: 3 accounts, 3 audited, 0 busy, 0 not audited, 0 failed\\.");
  }

  @Test
  void orgAudit_whenAccountsAreExcluded_auditsOnlyTheOthers() throws Exception {
    String url = endpoint.endpoint().toString();
    CliRun.of("setup", "--endpoint-url", url);
    Path config =
        Files.writeString(
            dir.resolve("keywarden.properties"),
            "exclude-accounts = " + managementId + "," + members.get(1) + "\n");

    CliRun run = CliRun.of("org-audit", "--endpoint-url", url, "--config", config.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    assertThat(run.out())
        .contains(members.get(0) + "  audited")
        .doesNotContain(members.get(1))
        .contains(": 1 accounts, 1 audited");
  }

  @Test
  void orgAudit_whenAMemberCannotBeAudited_exitsThreeAndSaysWhich() throws Exception {
    String url = endpoint.endpoint().toString();
    CliRun.of("setup", "--endpoint-url", url);
    String auditorArn =
        management.iam().createUser(r -> r.userName("keywarden-auditor")).user().arn();
    management
        .iam()
        .putUserPolicy(
            r ->
                r.userName("keywarden-auditor")
                    .policyName("central")
                    .policyDocument(
                        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["organizations:Describe*",
          "organizations:List*","sts:AssumeRole","dynamodb:*"],"Resource":"*"}]}"""));
    var key = management.iam().createAccessKey(r -> r.userName("keywarden-auditor")).accessKey();
    createAuditRole(members.get(0), auditorArn);
    Path credentials =
        Files.writeString(
            dir.resolve("credentials"),
            "[auditor]\naws_access_key_id = "
                + key.accessKeyId()
                + "\naws_secret_access_key = "
                + key.secretAccessKey()
                + "\n");
    Path config =
        Files.writeString(
            dir.resolve("keywarden.properties"), "exclude-accounts = " + managementId + "\n");

    CliRun run;
    String previous = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    MotoServer.shared().enforceIam(true);
    try {
      run =
          CliRun.of(
              "org-audit",
              "--endpoint-url",
              url,
              "--profile",
              "auditor",
              "--config",
              config.toString());
    } finally {
      MotoServer.shared().enforceIam(false);
      if (previous == null) {
        System.clearProperty("aws.sharedCredentialsFile");
      } else {
        System.setProperty("aws.sharedCredentialsFile", previous);
      }
    }

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(Main.FAILED);
    assertThat(run.out())
        .contains(members.get(0) + "  audited")
        .contains(members.get(1) + "  not audited: ")
        .contains("role/KeywardenAuditRole")
        .contains(": 2 accounts, 1 audited, 0 busy, 1 not audited, 0 failed.");
  }

  @Test
  void orgAudit_whenParallelismIsOutOfRange_exitsTwo() {
    CliRun run =
        CliRun.of(
            "org-audit", "--endpoint-url", endpoint.endpoint().toString(), "--parallelism", "65");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--parallelism: 65 is not between 1 and 64");
  }

  @Test
  void orgAudit_whenTheTableIsMissing_exitsThreeAndSaysHowToCreateIt() {
    CliRun run = CliRun.of("org-audit", "--endpoint-url", endpoint.endpoint().toString());

    assertThat(run.exitCode()).isEqualTo(Main.FAILED);
    assertThat(run.err())
        .contains(
            "the findings table keywarden-findings does not exist: create it with 'keywarden setup'");
  }

  /** Clients for the members as their administrator, through the role Organizations makes. */
  private MemberAccountClients administrator() {
    return MemberAccountClients.create(
        management, OrgSettings.enteringThrough("OrganizationAccountAccessRole", Optional.empty()));
  }

  private void createAuditRole(String accountId, String auditorArn) {
    MemberAccountClients admin = administrator();
    try (AwsClientFactory member = admin.forAccount(accountId, "arrange")) {
      member
          .iam()
          .createRole(
              r ->
                  r.roleName("KeywardenAuditRole")
                      .assumeRolePolicyDocument(
                          """
          {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"sts:AssumeRole"}]}"""
                              .formatted(auditorArn)));
      member
          .iam()
          .putRolePolicy(
              r ->
                  r.roleName("KeywardenAuditRole")
                      .policyName("audit")
                      .policyDocument(
                          """
          {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:Get*","iam:List*",
            "iam:GenerateCredentialReport","iam:UpdateAccessKey"],"Resource":"*"}]}"""));
    }
  }
}
