package dev.keywarden.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.checks.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
  private static final Instant AT = Instant.parse("2026-11-24T03:00:00Z");

  @Test
  void builder_leavesEveryFigureUnsetAtZeroOrEmpty() {
    assertThat(RunSummary.builder("111111111111", "run-1", AT).build())
        .isEqualTo(
            new RunSummary(
                "111111111111",
                "run-1",
                AT,
                true,
                Optional.empty(),
                Map.of(),
                Map.of(),
                0,
                0,
                0,
                0,
                Optional.empty(),
                Optional.empty(),
                0,
                0,
                0,
                0,
                0,
                0,
                Optional.empty(),
                Optional.empty(),
                0));
  }

  @Test
  void builder_setsEachNamedFigureInItsOwnComponent() {
    RunSummary s =
        RunSummary.builder("111111111111", "run-1", AT)
            .openBySeverity(Map.of(Severity.HIGH, 2))
            .openByCheck(Map.of("key-expired", 2))
            .users(1)
            .activeKeys(2)
            .consoleUsers(3)
            .consoleUsersWithMfa(4)
            .rootMfa(Optional.of(true))
            .rootAccessKey(Optional.of(false))
            .opened(5)
            .resolved(6)
            .exempt(7)
            .deactivated(8)
            .deferred(9)
            .notices(10)
            .skippedChecks(Optional.of(List.of("ssh-key-old")))
            .unusedRoles(Optional.of(11))
            .wouldDeactivate(12)
            .build();

    assertThat(s)
        .isEqualTo(
            new RunSummary(
                "111111111111",
                "run-1",
                AT,
                true,
                Optional.empty(),
                Map.of(Severity.HIGH, 2),
                Map.of("key-expired", 2),
                1,
                2,
                3,
                4,
                Optional.of(true),
                Optional.of(false),
                5,
                6,
                7,
                8,
                9,
                10,
                Optional.of(List.of("ssh-key-old")),
                Optional.of(11),
                12));
  }

  @Test
  void notAudited_clearsAuditedAndSaysWhy() {
    RunSummary s = RunSummary.builder("111111111111", "run-1", AT).notAudited("no role").build();

    assertThat(s.audited()).isFalse();
    assertThat(s.failure()).contains("no role");
  }

  @Test
  void openBySeverity_iteratesMostUrgentFirstAndCannotBeChanged() {
    Map<Severity, Integer> counts = new java.util.HashMap<>();
    counts.put(Severity.LOW, 1);
    counts.put(Severity.CRITICAL, 2);
    counts.put(Severity.MEDIUM, 3);

    RunSummary s = RunSummary.builder("111111111111", "run-1", AT).openBySeverity(counts).build();
    counts.put(Severity.HIGH, 4);

    assertThat(s.openBySeverity())
        .containsExactly(
            Map.entry(Severity.CRITICAL, 2),
            Map.entry(Severity.MEDIUM, 3),
            Map.entry(Severity.LOW, 1));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> s.openBySeverity().put(Severity.INFO, 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
