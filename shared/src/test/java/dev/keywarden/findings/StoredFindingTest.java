package dev.keywarden.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredFindingTest {
  private static final String ACCOUNT = "111111111111";
  private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
  private static final Finding FINDING =
      new Finding(
          "key-age",
          Severity.HIGH,
          ACCOUNT,
          "alice",
          "arn:aws:iam::111111111111:user/alice#access_key_1",
          "Access key too old",
          "alice's key is 120 days old",
          Optional.of(NOW.plusSeconds(86_400)));

  @Test
  void from_takesTheFindingsIdentityTextAndDeadline_andLeavesTheRestEmpty() {
    StoredFinding stored =
        StoredFinding.from(ACCOUNT, FINDING)
            .status(FindingStatus.OPEN)
            .firstSeen(NOW)
            .version(1)
            .build();

    assertThat(stored)
        .isEqualTo(
            new StoredFinding(
                ACCOUNT,
                "key-age",
                "arn:aws:iam::111111111111:user/alice#access_key_1",
                "alice",
                Severity.HIGH,
                "Access key too old",
                "alice's key is 120 days old",
                FindingStatus.OPEN,
                NOW,
                Optional.empty(),
                Optional.of(NOW.plusSeconds(86_400)),
                Optional.empty(),
                Optional.empty(),
                1));
    assertThat(stored.asFinding()).isEqualTo(FINDING);
  }

  @Test
  void toBuilder_keepsEveryComponentButThoseChanged() {
    StoredFinding exempt =
        StoredFinding.from(ACCOUNT, FINDING)
            .status(FindingStatus.EXEMPT)
            .firstSeen(NOW)
            .exemptUntil(Optional.of(LocalDate.parse("2027-01-31")))
            .exemptReason(Optional.of("SEC-1234"))
            .version(3)
            .build();

    StoredFinding copy = exempt.toBuilder().build();
    StoredFinding resolved =
        exempt.toBuilder().status(FindingStatus.RESOLVED).resolvedAt(Optional.of(NOW)).build();

    assertThat(copy).isEqualTo(exempt);
    assertThat(resolved.status()).isEqualTo(FindingStatus.RESOLVED);
    assertThat(resolved.resolvedAt()).contains(NOW);
    assertThat(resolved.exemptReason()).contains("SEC-1234");
    assertThat(resolved.version()).isEqualTo(3);
  }

  @Test
  void build_withoutTheVersion_saysSo() {
    assertThatThrownBy(
            () ->
                StoredFinding.from(ACCOUNT, FINDING)
                    .status(FindingStatus.OPEN)
                    .firstSeen(NOW)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a stored finding needs its version");
  }

  @Test
  void build_withoutAStatus_namesIt() {
    assertThatThrownBy(() -> StoredFinding.from(ACCOUNT, FINDING).firstSeen(NOW).version(1).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("status");
  }
}
