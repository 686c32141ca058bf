package dev.keywarden.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.config.Settings;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.FindingsExport;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReportParser;
import dev.keywarden.remediate.AccessKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run hands every remembered finding to its export after reconciling, and an export that fails
 * costs the run nothing.
 */
class ExportStepTest {
  private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
  private static final AccessKeys NO_KEYS = UntouchedKeys.INSTANCE;

  private final InMemoryStateStore store = new InMemoryStateStore();
  private final List<Collection<StoredFinding>> exported = new ArrayList<>();

  private static AccountInventory inventory() throws Exception {
    Path sample = Path.of("src", "test", "resources", "credential-reports", "sample.csv");
    return AccountInventory.offline(
        "123456789012",
        NOW,
        CredentialReportParser.parse(Files.readString(sample), sample.toString()));
  }

  private AccountRun run(FindingsExport export) {
    return AccountRun.builder()
        .settings(Settings.defaults())
        .store(store)
        .keys(NO_KEYS)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .export(export)
        .build();
  }

  @Test
  void run_handsTheExportEveryRememberedFindingAfterReconciling_changedOrNot() throws Exception {
    FindingsExport recording =
        (accountId, findings, owners, now) -> exported.add(List.copyOf(findings));

    RunOutcome first = run(recording).run(inventory(), "run-1");
    RunOutcome second = run(recording).run(inventory(), "run-2");

    assertThat(first.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(exported).hasSize(2);
    assertThat(exported.get(0))
        .hasSize(first.result().orElseThrow().findings().size())
        .allSatisfy(f -> assertThat(f.status()).isEqualTo(FindingStatus.OPEN));
    assertThat(second.reconciliation().orElseThrow().changed()).as("nothing changed").isEmpty();
    assertThat(exported.get(1))
        .as("still every remembered finding: the export decides what to send")
        .containsExactlyInAnyOrderElementsOf(exported.get(0));
  }

  @Test
  void run_whenTheExportThrows_completesTheRunAndItsSummary() throws Exception {
    FindingsExport broken =
        (accountId, findings, owners, now) -> {
          throw new IllegalStateException("Security Hub is down");
        };

    RunOutcome outcome = run(broken).run(inventory(), "run-1");

    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(outcome.summary()).isPresent();
  }

  @Test
  void notAudited_handsTheExportOnlyTheAccountNotAuditedFinding() {
    FindingsExport recording =
        (accountId, findings, owners, now) -> {
          exported.add(List.copyOf(findings));
          assertThat(owners).isEqualTo(Map.of());
        };

    run(recording).notAudited("123456789012", "run-1", "AccessDenied");

    assertThat(exported)
        .singleElement()
        .satisfies(
            findings ->
                assertThat(findings)
                    .singleElement()
                    .satisfies(f -> assertThat(f.checkId()).isEqualTo("account-not-audited")));
  }
}
