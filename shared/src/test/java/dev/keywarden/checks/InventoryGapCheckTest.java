package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.Inventories.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.IamUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InventoryGapCheckTest {
  private final InventoryGapCheck check = new InventoryGapCheck();

  /** An expired key on each user, so that every user judged by the report has a finding. */
  private static AccountInventory account(String... users) {
    Inventories inventories = online();
    for (String name : users) {
      inventories.with(user(name).key(1, daysAgo(200), daysAgo(1)));
    }
    return inventories.build();
  }

  private static AccountInventory withoutReportRows(AccountInventory inventory, String... users) {
    Set<String> drop = Set.of(users);
    CredentialReport report = inventory.credentialReport();
    CredentialReport partial =
        new CredentialReport(
            report.columns(),
            report.users().stream().filter(r -> !drop.contains(r.user())).toList(),
            report.root());
    return new AccountInventory(
        inventory.accountId(),
        inventory.fetchedAt(),
        partial,
        inventory.authorization(),
        inventory.summary(),
        inventory.passwordPolicy(),
        inventory.rootVirtualMfa(),
        inventory.callerArn());
  }

  private static AccountInventory withoutIamUsers(AccountInventory inventory, String... users) {
    Set<String> drop = Set.of(users);
    AuthorizationDetails details = inventory.authorization().orElseThrow();
    Map<String, IamUser> kept =
        details.users().entrySet().stream()
            .filter(e -> !drop.contains(e.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return new AccountInventory(
        inventory.accountId(),
        inventory.fetchedAt(),
        inventory.credentialReport(),
        Optional.of(new AuthorizationDetails(kept, details.groups())),
        inventory.summary(),
        inventory.passwordPolicy(),
        inventory.rootVirtualMfa(),
        inventory.callerArn());
  }

  private static CheckContext context(AccountInventory inventory) {
    return new CheckContext(inventory, AuditPolicy.defaults(), Inventories.AS_OF);
  }

  @Test
  void evaluate_whenReportAndIamAgree_findsNothing() {
    assertThat(check.evaluate(context(account("alice", "bob"))).findings()).isEmpty();
  }

  @Test
  void evaluate_whenOffline_isSkippedForWantOfIamUsers() {
    CheckOutcome outcome = check.evaluate(Inventories.offline().with(user("alice")).context());

    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.skippedBecause())
        .hasValueSatisfying(r -> assertThat(r).contains("GetAccountAuthorizationDetails"));
  }

  @Test
  void evaluate_whenReportLacksAUser_namesItAndTheChecksThatDidNotJudgeIt() {
    List<Finding> findings =
        check
            .evaluate(context(withoutReportRows(account("alice", "bob", "carol"), "bob")))
            .findings();

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.checkId()).isEqualTo("inventory-gap");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.principal()).isEqualTo("bob");
              assertThat(f.resourceId()).isEqualTo("arn:aws:iam::123456789012:user/bob");
              assertThat(f.message())
                  .contains(
                      "bob",
                      "listed by IAM",
                      "no row in the credential report",
                      "key-expired",
                      "console-without-mfa");
            });
  }

  @Test
  void run_whenReportHasOnlyTheRootRow_namesEveryUserInsteadOfPassingSilently() {
    AccountInventory rootOnly = withoutReportRows(account("a", "b", "c"), "a", "b", "c");

    AuditResult result = CheckRunner.run(context(rootOnly));

    assertThat(result.findings())
        .filteredOn(f -> f.checkId().equals("inventory-gap"))
        .extracting(Finding::principal)
        .containsExactly("a", "b", "c");
    assertThat(result.findings()).filteredOn(f -> f.checkId().equals("key-expired")).isEmpty();
  }

  @Test
  void evaluate_whenReportListsAUserIamDoesNotKnow_namesIt() {
    List<Finding> findings =
        check.evaluate(context(withoutIamUsers(account("alice", "gone"), "gone"))).findings();

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.principal()).isEqualTo("gone");
              assertThat(f.message()).contains("gone", "IAM no longer lists it", "not judged");
            });
  }

  @Test
  void run_whenReportListsAUserIamDoesNotKnow_setsItsOtherFindingsAside() {
    AuditResult result =
        CheckRunner.run(context(withoutIamUsers(account("alice", "gone"), "gone")));

    assertThat(result.findings())
        .filteredOn(f -> f.principal().equals("gone"))
        .extracting(Finding::checkId)
        .containsExactly("inventory-gap");
    assertThat(result.findings())
        .filteredOn(f -> f.principal().equals("alice"))
        .extracting(Finding::checkId)
        .contains("key-expired");
  }

  @Test
  void run_whenBothSidesDiffer_namesBothUsers() {
    AccountInventory both =
        withoutIamUsers(withoutReportRows(account("new", "old", "kept"), "new"), "old");

    AuditResult result = CheckRunner.run(context(both));

    assertThat(result.findings())
        .filteredOn(f -> f.checkId().equals("inventory-gap"))
        .extracting(Finding::principal)
        .containsExactlyInAnyOrder("new", "old");
  }
}
