package dev.keywarden.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class NoticeKindTest {
  /** Subscribers' filter policies and stored outbox items depend on these exact texts. */
  @ParameterizedTest
  @CsvSource({
    "ROTATION, rotation-notice",
    "DEACTIVATION, deactivation-notice",
    "ASSISTED_ROTATION, assisted-rotation-notice",
    "DEACTIVATION_FAILED, deactivation-failed",
    "DEACTIVATION_DEFERRED, deactivation-deferred",
    "WEEKLY_DIGEST, weekly-digest",
  })
  void wire_isTheTextPublishedAndStored(NoticeKind kind, String wire) {
    assertThat(kind.wire()).isEqualTo(wire);
    assertThat(NoticeKind.fromWire(wire)).isEqualTo(kind);
  }

  @Test
  void values_areExactlyThePinnedOnes() {
    assertThat(NoticeKind.values()).hasSize(6);
  }

  @ParameterizedTest
  @EnumSource(NoticeKind.class)
  void find_whenGivenTheConstantNameInsteadOfTheWireForm_findsNothing(NoticeKind kind) {
    assertThat(NoticeKind.find(kind.name())).isEmpty();
  }

  @Test
  void fromWire_whenUnknown_namesTheTextAndTheKnownKinds() {
    assertThatThrownBy(() -> NoticeKind.fromWire("action-failed"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'action-failed'")
        .hasMessageContaining("rotation-notice, deactivation-notice");
  }
}
