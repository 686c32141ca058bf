package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.IamUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReportRegenerationTest {
  private static final Instant GENERATED = Instant.parse("2026-11-24T08:00:00Z");
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

  private final AtomicInteger regenerations = new AtomicInteger();

  private static CredentialReport report(String... users) {
    return new CredentialReport(
        Set.of(),
        Stream.of(users)
            .map(
                u ->
                    new CredentialReportRow(
                        u,
                        "arn:aws:iam::123456789012:user/" + u,
                        2,
                        Optional.of(CREATED),
                        false,
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        List.of()))
            .toList(),
        Optional.empty());
  }

  private static AuthorizationDetails iam(String... users) {
    return new AuthorizationDetails(
        Stream.of(users)
            .map(
                n ->
                    new IamUser(
                        n,
                        "arn:aws:iam::123456789012:user/" + n,
                        CREATED,
                        Map.of(),
                        List.of(),
                        List.of(),
                        List.of()))
            .collect(Collectors.toMap(IamUser::name, Function.identity())),
        Map.of());
  }

  private CredentialReport complete(
      CredentialReport first,
      Optional<Instant> generated,
      AuthorizationDetails iam,
      Instant now,
      CredentialReport second) {
    return ReportRegeneration.complete(
        new ReportRegeneration.Downloaded(first, generated),
        iam,
        now,
        () -> {
          regenerations.incrementAndGet();
          return new ReportRegeneration.Downloaded(second, Optional.of(now));
        },
        "123456789012");
  }

  @Test
  void allowed_atExactlyFourHoursAfterGeneration_isTrue() {
    assertThat(
            ReportRegeneration.allowed(Optional.of(GENERATED), GENERATED.plus(Duration.ofHours(4))))
        .isTrue();
  }

  @Test
  void allowed_oneMillisecondBeforeFourHours_isFalse() {
    assertThat(
            ReportRegeneration.allowed(
                Optional.of(GENERATED), GENERATED.plus(Duration.ofHours(4)).minusMillis(1)))
        .isFalse();
  }

  @Test
  void allowed_whenGenerationTimeUnknown_isTrue() {
    assertThat(ReportRegeneration.allowed(Optional.empty(), GENERATED)).isTrue();
  }

  @Test
  void complete_whenReportListsEveryIamUser_keepsItWithoutAskingAgain() {
    CredentialReport first = report("alice");

    CredentialReport result =
        complete(
            first,
            Optional.of(GENERATED),
            iam("alice"),
            GENERATED.plus(Duration.ofHours(5)),
            report());

    assertThat(result).isSameAs(first);
    assertThat(regenerations).hasValue(0);
  }

  @Test
  void complete_whenReportListsOnlyUsersIamDoesNotKnow_keepsItWithoutAskingAgain() {
    CredentialReport first = report("alice", "gone");

    assertThat(
            complete(
                first,
                Optional.of(GENERATED),
                iam("alice"),
                GENERATED.plus(Duration.ofHours(5)),
                report()))
        .isSameAs(first);
    assertThat(regenerations).hasValue(0);
  }

  @Test
  void complete_whenUserMissingAndReportFourHoursOld_regeneratesOnceAndTakesTheNewReport() {
    CredentialReport second = report("alice", "bob");

    CredentialReport result =
        complete(
            report("alice"),
            Optional.of(GENERATED),
            iam("alice", "bob"),
            GENERATED.plus(Duration.ofHours(4)),
            second);

    assertThat(result).isSameAs(second);
    assertThat(regenerations).hasValue(1);
  }

  @Test
  void complete_whenNewReportStillLacksAUser_doesNotAskAThirdTime() {
    CredentialReport second = report("alice");

    CredentialReport result =
        complete(report(), Optional.empty(), iam("alice", "bob"), GENERATED, second);

    assertThat(result).isSameAs(second);
    assertThat(regenerations).hasValue(1);
  }

  @Test
  void complete_whenUserMissingButIamWouldServeTheSameReport_keepsTheFirstWithoutCalls() {
    CredentialReport first = report("alice");

    CredentialReport result =
        complete(
            first,
            Optional.of(GENERATED),
            iam("alice", "bob"),
            GENERATED.plus(Duration.ofHours(4)).minusSeconds(1),
            report("alice", "bob"));

    assertThat(result).isSameAs(first);
    assertThat(regenerations).hasValue(0);
  }
}
