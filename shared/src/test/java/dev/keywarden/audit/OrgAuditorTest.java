package dev.keywarden.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import dev.keywarden.KeywardenException;
import dev.keywarden.config.OrgSettings;
import dev.keywarden.config.Settings;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.RunRecord;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.ReportColumn;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OrgAuditorTest {
  private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
  private static final String A = "111111111111";
  private static final String B = "222222222222";
  private static final String C = "333333333333";

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final InMemoryStateStore store = new InMemoryStateStore();
  private final AtomicReference<AccountSelection> askedWith = new AtomicReference<>();
  private final List<String> closed = new ArrayList<>();
  private final List<String> ran = new ArrayList<>();
  private final List<AuditRequest> ranFor = new ArrayList<>();

  private AccountDirectory directory(String... ids) {
    return taggedDirectory(java.util.Map.of(), ids);
  }

  /** A directory whose accounts carry the given tags, by account id. */
  private AccountDirectory taggedDirectory(
      java.util.Map<String, java.util.Map<String, String>> tags, String... ids) {
    return new AccountDirectory() {
      @Override
      public List<MemberAccount> activeAccounts(AccountSelection selection) {
        askedWith.set(selection);
        return java.util.Arrays.stream(ids)
            .map(id -> new MemberAccount(id, "acct-" + id, id + "@example.com", java.util.Map.of()))
            .toList();
      }

      @Override
      public java.util.Map<String, String> tags(String accountId) {
        return tags.getOrDefault(accountId, java.util.Map.of());
      }
    };
  }

  private OrgAuditor auditor(Settings settings, AccountDirectory directory, MemberAccess members) {
    AccountRun central =
        AccountRun.builder()
            .settings(settings)
            .store(store)
            .keys(UntouchedKeys.INSTANCE)
            .clock(clock)
            .build();
    return OrgAuditor.create(settings, directory, store, members, central, clock);
  }

  private OrgAuditor auditor(MemberAccess members) {
    return auditor(Settings.defaults(), directory(A), members);
  }

  private static AccountInventory inventory(String accountId) {
    return AccountInventory.offline(
        accountId,
        NOW,
        new CredentialReport(EnumSet.allOf(ReportColumn.class), List.of(), Optional.empty()));
  }

  /** A session that reads the given inventory (or fails) and records what happened to it. */
  private MemberAccess.Session session(
      String accountId, AccountInventory inventory, RuntimeException readFailure) {
    return new MemberAccess.Session() {
      @Override
      public AccountInventory readInventory() {
        if (readFailure != null) {
          throw readFailure;
        }
        return inventory;
      }

      @Override
      public RunOutcome run(AccountInventory read, AuditRequest request, Deadline deadline) {
        ran.add(read.accountId());
        ranFor.add(request);
        return RunOutcome.untouched(read.accountId(), request.runId(), RunOutcome.Status.COMPLETED);
      }

      @Override
      public void close() {
        closed.add(accountId);
      }
    };
  }

  @Test
  void dispatch_sendsOneRequestPerListedAccountAndRecordsTheRun() {
    List<AuditRequest> sent = new ArrayList<>();
    OrgAuditor auditor =
        auditor(
            Settings.defaults(), directory(A, B, C), (id, run) -> session(id, inventory(id), null));

    DispatchResult result = auditor.dispatch("run-1", sent::addAll);

    assertThat(result).isEqualTo(new DispatchResult("run-1", List.of(A, B, C)));
    assertThat(sent)
        .containsExactly(
            new AuditRequest("run-1", A),
            new AuditRequest("run-1", B),
            new AuditRequest("run-1", C));
    assertThat(store.runs).containsExactly(new RunRecord("run-1", NOW, List.of(A, B, C)));
  }

  @Test
  void dispatch_whenAnAccountHasAnOwnerTag_sendsItsOwnerInTheRequest() {
    List<AuditRequest> sent = new ArrayList<>();
    AccountDirectory directory =
        taggedDirectory(
            java.util.Map.of(
                A, java.util.Map.of("owner", "payments@example.com"),
                B, java.util.Map.of("owner", "not an address")),
            A,
            B,
            C);
    OrgAuditor auditor =
        auditor(Settings.defaults(), directory, (id, run) -> session(id, inventory(id), null));

    auditor.dispatch("run-1", sent::addAll);

    assertThat(sent)
        .containsExactly(
            new AuditRequest("run-1", A, Optional.of("payments@example.com")),
            new AuditRequest("run-1", B),
            new AuditRequest("run-1", C));
  }

  @Test
  void dispatch_whenTheRunIdIsMalformed_readsNoTags() {
    List<String> tagsRead = new ArrayList<>();
    AccountDirectory directory =
        new AccountDirectory() {
          @Override
          public List<MemberAccount> activeAccounts(AccountSelection selection) {
            return List.of(new MemberAccount(A, "a", "a@example.com", java.util.Map.of()));
          }

          @Override
          public java.util.Map<String, String> tags(String accountId) {
            tagsRead.add(accountId);
            return java.util.Map.of();
          }
        };
    OrgDispatcher dispatcher = OrgDispatcher.create(Settings.defaults(), directory, store, clock);

    assertThatThrownBy(() -> dispatcher.dispatch("run 1", requests -> {}))
        .isInstanceOf(InvalidInputException.class);
    assertThat(tagsRead).isEmpty();
  }

  @Test
  void dispatch_asksTheDirectoryWithTheConfiguredSelection() {
    OrgSettings org =
        new OrgSettings(
            "KeywardenAuditRole",
            Optional.empty(),
            List.of("r-ab12"),
            List.of(),
            List.of(),
            List.of(B),
            Optional.empty());
    OrgAuditor auditor =
        auditor(
            Settings.defaults().withOrg(org),
            directory(A),
            (id, run) -> session(id, inventory(id), null));

    auditor.dispatch("run-1", requests -> {});

    assertThat(askedWith.get()).isEqualTo(AccountSelection.of(org));
  }

  @Test
  void dispatch_whenNoAccountIsSelected_recordsAnEmptyRunAndSendsNothing() {
    List<List<AuditRequest>> calls = new ArrayList<>();
    OrgAuditor auditor =
        auditor(Settings.defaults(), directory(), (id, run) -> session(id, inventory(id), null));

    DispatchResult result = auditor.dispatch("run-1", calls::add);

    assertThat(result.accountIds()).isEmpty();
    assertThat(calls).isEmpty();
    assertThat(store.runs).singleElement().satisfies(r -> assertThat(r.accountIds()).isEmpty());
  }

  @Test
  void dispatch_whenTheRunIdIsMalformed_failsBeforeSending() {
    List<AuditRequest> sent = new ArrayList<>();
    OrgAuditor auditor =
        auditor(Settings.defaults(), directory(A), (id, run) -> session(id, inventory(id), null));

    assertThatThrownBy(() -> auditor.dispatch("run 1", sent::addAll))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("runId");
    assertThat(sent).isEmpty();
  }

  @Test
  void audit_whenTheAccountIsEntered_runsItsLoopAndClosesTheSession() {
    RunOutcome outcome =
        auditor((id, run) -> session(id, inventory(id), null)).audit(new AuditRequest("run-1", A));

    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(ran).containsExactly(A);
    assertThat(closed).containsExactly(A);
  }

  @Test
  void audit_whenTheDeadlineIsReachedBeforeStarting_entersNothingAndReportsIncomplete() {
    List<String> opened = new ArrayList<>();
    OrgAuditor auditor =
        auditor(
            (id, run) -> {
              opened.add(id);
              return session(id, inventory(id), null);
            });

    RunOutcome outcome =
        auditor.audit(
            new AuditRequest("run-1", A),
            Deadline.of(() -> 29_999, java.time.Duration.ofSeconds(30)));

    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.INCOMPLETE);
    assertThat(opened).isEmpty();
    assertThat(store.load(A).findings()).isEmpty();
  }

  @Test
  void audit_whenTimeRemainsAboveTheMargin_runsTheAccount() {
    RunOutcome outcome =
        auditor((id, run) -> session(id, inventory(id), null))
            .audit(
                new AuditRequest("run-1", A),
                Deadline.of(() -> 30_000, java.time.Duration.ofSeconds(30)));

    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(ran).containsExactly(A);
  }

  @Test
  void audit_whenTheRequestNamesTheAccountOwner_handsItToTheSessionsRun() {
    AuditRequest request = new AuditRequest("run-1", A, Optional.of("payments@example.com"));

    auditor((id, run) -> session(id, inventory(id), null)).audit(request);

    assertThat(ranFor).containsExactly(request);
  }

  @Test
  void audit_whenTheRoleCannotBeAssumed_recordsTheAccountAsNotAuditedWithTheReason() {
    MemberAccess refusing =
        (id, run) -> {
          throw new KeywardenException(
              "sts:AssumeRole into arn:aws:iam::"
                  + id
                  + ":role/KeywardenAuditRole failed: AccessDenied");
        };

    RunOutcome outcome = auditor(refusing).audit(new AuditRequest("run-1", A));

    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.NOT_AUDITED);
    assertThat(outcome.summary().orElseThrow().failure().orElseThrow())
        .contains("could not be assumed")
        .contains("arn:aws:iam::" + A + ":role/KeywardenAuditRole");
    assertThat(store.findings.get(A).values())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.checkId()).isEqualTo("account-not-audited");
              assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
            });
  }

  @Test
  void audit_whenTheInventoryFails_recordsNotAuditedAndStillClosesTheSession() {
    KeywardenException denied = new KeywardenException("iam:GenerateCredentialReport was denied");

    RunOutcome outcome =
        auditor((id, run) -> session(id, null, denied)).audit(new AuditRequest("run-1", A));

    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.NOT_AUDITED);
    assertThat(outcome.summary().orElseThrow().failure().orElseThrow())
        .contains("inventory could not be read")
        .contains("GenerateCredentialReport was denied");
    assertThat(ran).isEmpty();
    assertThat(closed).containsExactly(A);
  }

  @Test
  void audit_whenTheCredentialsActInAnotherAccount_recordsNotAuditedInsteadOfMixingAccounts() {
    RunOutcome outcome =
        auditor((id, run) -> session(id, inventory(B), null)).audit(new AuditRequest("run-1", A));

    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.NOT_AUDITED);
    assertThat(outcome.summary().orElseThrow().failure().orElseThrow())
        .contains("act in account " + B);
    assertThat(ran).isEmpty();
    assertThat(store.findings).containsOnlyKeys(A);
  }

  @Test
  void audit_whenNotAuditedTwice_keepsOneOpenFinding() {
    MemberAccess refusing =
        (id, run) -> {
          throw new KeywardenException("no role");
        };
    OrgAuditor auditor = auditor(refusing);

    auditor.audit(new AuditRequest("run-1", A));
    auditor.audit(new AuditRequest("run-2", A));

    assertThat(store.findings.get(A).values())
        .extracting(StoredFinding::version)
        .containsExactly(1L);
    assertThat(store.summaries).extracting(s -> s.runId()).containsExactly("run-1", "run-2");
  }
}
