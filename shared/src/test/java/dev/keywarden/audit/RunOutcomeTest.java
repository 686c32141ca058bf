package dev.keywarden.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.findings.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunOutcomeTest {
  private static final String ACCOUNT = "111111111111";

  @Test
  void untouched_carriesTheStatusAndNothingElse() {
    RunOutcome o = RunOutcome.untouched(ACCOUNT, "run-1", RunOutcome.Status.SKIPPED_BUSY);

    assertThat(o)
        .isEqualTo(
            new RunOutcome(
                ACCOUNT,
                "run-1",
                RunOutcome.Status.SKIPPED_BUSY,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty()));
    assertThat(o.findingCount()).isZero();
  }

  @Test
  void notAudited_carriesTheSummaryThatSaysWhy() {
    RunSummary summary =
        Summaries.notAudited(ACCOUNT, "run-1", Instant.parse("2026-11-24T03:00:00Z"), "no role");

    RunOutcome o = RunOutcome.notAudited(ACCOUNT, "run-1", summary);

    assertThat(o)
        .isEqualTo(
            new RunOutcome(
                ACCOUNT,
                "run-1",
                RunOutcome.Status.NOT_AUDITED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.of(summary)));
  }
}
