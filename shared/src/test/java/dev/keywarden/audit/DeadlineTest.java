package dev.keywarden.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  @Test
  void reached_whenLessThanTheMarginRemains_isTrue() {
    assertThat(Deadline.of(() -> 59_999, Duration.ofSeconds(60)).reached()).isTrue();
  }

  @Test
  void reached_whenExactlyTheMarginRemains_isFalse() {
    assertThat(Deadline.of(() -> 60_000, Duration.ofSeconds(60)).reached()).isFalse();
  }

  @Test
  void reached_asksTheHostAfreshEachTime() {
    AtomicLong remaining = new AtomicLong(120_000);
    Deadline deadline = Deadline.of(remaining::get, Duration.ofSeconds(60));
    boolean before = deadline.reached();

    remaining.set(1_000);

    assertThat(before).isFalse();
    assertThat(deadline.reached()).isTrue();
  }

  @Test
  void left_isTheTimeBeforeTheMarginAndNeverNegative() {
    assertThat(Deadline.of(() -> 90_000, Duration.ofSeconds(60)).left())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(Deadline.of(() -> 1_000, Duration.ofSeconds(60)).left()).isEqualTo(Duration.ZERO);
  }

  @Test
  void none_isNeverReached() {
    assertThat(Deadline.none().reached()).isFalse();
    assertThat(Deadline.none()).hasToString("no deadline");
  }

  @Test
  void of_whenTheMarginIsNegative_isRefused() {
    assertThatThrownBy(() -> Deadline.of(() -> 0, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("margin");
  }
}
