package dev.keywarden.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.config.Settings;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.ReportColumn;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InProcessOrgAuditTest {
  private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
  private static final String A = "111111111111";
  private static final String B = "222222222222";
  private static final String C = "333333333333";

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final InMemoryStateStore store = new InMemoryStateStore();

  /** Audits {@code ids}; the run of {@code failing} throws {@code failure}. */
  private OrgAuditor auditor(String failing, RuntimeException failure, String... ids) {
    Settings settings = Settings.defaults();
    AccountDirectory directory =
        new AccountDirectory() {
          @Override
          public List<MemberAccount> activeAccounts(AccountSelection selection) {
            return java.util.Arrays.stream(ids)
                .map(id -> new MemberAccount(id, "acct-" + id, id + "@example.com", Map.of()))
                .toList();
          }

          @Override
          public Map<String, String> tags(String accountId) {
            return Map.of();
          }
        };
    MemberAccess members =
        (accountId, runId) ->
            new MemberAccess.Session() {
              @Override
              public AccountInventory readInventory() {
                return AccountInventory.offline(
                    accountId,
                    NOW,
                    new CredentialReport(
                        EnumSet.allOf(ReportColumn.class), List.of(), Optional.empty()));
              }

              @Override
              public RunOutcome run(AccountInventory read, AuditRequest request, Deadline d) {
                if (read.accountId().equals(failing)) {
                  throw failure;
                }
                return RunOutcome.untouched(
                    read.accountId(), request.runId(), RunOutcome.Status.COMPLETED);
              }

              @Override
              public void close() {}
            };
    AccountRun central =
        AccountRun.builder()
            .settings(settings)
            .store(store)
            .keys(UntouchedKeys.INSTANCE)
            .clock(clock)
            .build();
    return OrgAuditor.create(settings, directory, store, members, central, clock);
  }

  /** Records what it hears, from any thread. */
  private static final class Heard implements InProcessOrgAudit.Listener {
    final List<Integer> expected = Collections.synchronizedList(new ArrayList<>());
    final List<String> done = Collections.synchronizedList(new ArrayList<>());
    int finished;

    @Override
    public void expect(int accounts) {
      expected.add(accounts);
    }

    @Override
    public void done(AccountAudit account) {
      done.add(account.accountId());
    }

    @Override
    public void finish() {
      finished++;
    }
  }

  @Test
  void run_auditsEveryDispatchedAccountAndReturnsThemByAccountId() {
    Heard heard = new Heard();

    List<AccountAudit> results =
        InProcessOrgAudit.over(auditor("none", null, C, A, B), 2).run("run-1", heard);

    assertThat(results).extracting(AccountAudit::accountId).containsExactly(A, B, C);
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.has(RunOutcome.Status.COMPLETED)).isTrue();
              assertThat(r.outcome().orElseThrow().runId()).isEqualTo("run-1");
              assertThat(r.error()).isEmpty();
              assertThat(r.ok()).isTrue();
            });
    assertThat(heard.expected).containsExactly(3);
    assertThat(heard.done).containsExactlyInAnyOrder(A, B, C);
    assertThat(heard.finished).isEqualTo(1);
  }

  @Test
  void run_whenAnAccountsRunThrows_recordsItsMessageAndAuditsTheOthers() {
    List<AccountAudit> results =
        InProcessOrgAudit.over(
                auditor(B, new IllegalStateException("DynamoDB throttled"), A, B, C), 1)
            .run("run-1", InProcessOrgAudit.Listener.silent());

    assertThat(results).extracting(AccountAudit::accountId).containsExactly(A, B, C);
    AccountAudit failed = results.get(1);
    assertThat(failed.outcome()).isEmpty();
    assertThat(failed.error()).contains("DynamoDB throttled");
    assertThat(failed.ok()).isFalse();
    assertThat(failed.has(RunOutcome.Status.COMPLETED)).isFalse();
    assertThat(results.get(0).ok()).isTrue();
    assertThat(results.get(2).ok()).isTrue();
  }

  @Test
  void run_whenTheErrorHasNoMessage_namesItsClass() {
    List<AccountAudit> results =
        InProcessOrgAudit.over(auditor(A, new NullPointerException(), A), 1)
            .run("run-1", InProcessOrgAudit.Listener.silent());

    assertThat(results.get(0).error()).contains("NullPointerException");
  }

  @Test
  void over_refusesFewerThanOneThread() {
    assertThatThrownBy(() -> InProcessOrgAudit.over(auditor("none", null, A), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be at least 1, got 0");
  }

  @Test
  void accountAudit_refusesBothOrNeitherOfOutcomeAndError() {
    assertThatThrownBy(() -> new AccountAudit(A, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("account " + A + ": exactly one of outcome and error must be present");
  }
}
