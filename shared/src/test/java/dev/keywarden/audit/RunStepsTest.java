package dev.keywarden.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.config.Settings;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReportParser;
import dev.keywarden.remediate.AccessKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run tells its steps, in order, to whoever shows progress. */
class RunStepsTest {
  private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
  private static final AccessKeys NO_KEYS = UntouchedKeys.INSTANCE;

  @Test
  void run_tellsEachStepInOrder_andNoDeactivationStepInADryRun() throws Exception {
    Path sample = Path.of("src", "test", "resources", "credential-reports", "sample.csv");
    AccountInventory inventory =
        AccountInventory.offline(
            "123456789012",
            NOW,
            CredentialReportParser.parse(Files.readString(sample), sample.toString()));
    List<String> told = new ArrayList<>();
    AccountRun run =
        AccountRun.builder()
            .settings(Settings.defaults())
            .store(new InMemoryStateStore())
            .keys(NO_KEYS)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .steps((accountId, step) -> told.add(accountId + ": " + step))
            .build();

    RunOutcome outcome = run.run(inventory, "run-1");

    int changes = outcome.reconciliation().orElseThrow().changed().size();
    assertThat(changes).isPositive();
    assertThat(told)
        .containsExactly(
            "123456789012: running the checks",
            "123456789012: writing " + changes + " finding changes",
            "123456789012: sending owners' notices");
  }

  @Test
  void none_hearsNothingAndThrowsNothing() {
    RunSteps.none().begin("123456789012", "running the checks");
    assertThat(RunSteps.none()).isNotNull();
  }
}
