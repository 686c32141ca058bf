package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoScheduleTest {
  @Test
  void schedule_byDefault_runsWeeklyPlusTheDeadlineDaysOfTheTwentyOneDayKey() {
    assertThat(DemoCommand.schedule(49)).containsExactly(0, 7, 14, 20, 21, 28, 35, 42, 49);
  }

  @Test
  void schedule_whenTheLastDayIsOffTheWeek_endsOnIt() {
    assertThat(DemoCommand.schedule(30)).containsExactly(0, 7, 14, 20, 21, 28, 30);
  }
}
