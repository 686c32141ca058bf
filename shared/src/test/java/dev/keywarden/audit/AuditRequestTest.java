package dev.keywarden.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request's JSON both ways, with and without the account owner the dispatcher adds. */
class AuditRequestTest {
  @Test
  void toJson_whenTheRequestHasAnAccountOwner_writesItBesideTheIds() {
    AuditRequest request =
        new AuditRequest("run-1", "123456789012", Optional.of("payments@example.com"));

    assertThat(request.toJson())
        .isEqualTo(
            "{\"runId\":\"run-1\",\"accountId\":\"123456789012\",\"accountOwner\":\"payments@example.com\"}");
  }

  @Test
  void toJson_whenTheRequestHasNoAccountOwner_writesOnlyTheIds() {
    assertThat(new AuditRequest("run-1", "123456789012").toJson())
        .isEqualTo("{\"runId\":\"run-1\",\"accountId\":\"123456789012\"}");
  }

  @Test
  void fromJson_whenReadingWhatToJsonWrote_returnsTheSameRequest() {
    AuditRequest request =
        new AuditRequest("run-1", "123456789012", Optional.of("payments@example.com"));

    assertThat(AuditRequest.fromJson(request.toJson())).isEqualTo(request);
  }

  @Test
  void fromJson_whenTheBodyPredatesTheAccountOwner_readsARequestWithoutOne() {
    assertThat(
            AuditRequest.fromJson("{\"runId\":\"run-1\",\"accountId\":\"123456789012\"}")
                .accountOwner())
        .isEmpty();
  }

  @Test
  void fromJson_whenTheAccountOwnerIsNull_readsARequestWithoutOne() {
    assertThat(
            AuditRequest.fromJson(
                    "{\"runId\":\"run-1\",\"accountId\":\"123456789012\",\"accountOwner\":null}")
                .accountOwner())
        .isEmpty();
  }
}
