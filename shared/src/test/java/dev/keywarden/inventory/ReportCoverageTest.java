package dev.keywarden.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReportCoverageTest {
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

  private static CredentialReportRow row(String user) {
    return new CredentialReportRow(
        user,
        "arn:aws:iam::123456789012:user/" + user,
        2,
        Optional.of(CREATED),
        false,
        Optional.empty(),
        Optional.empty(),
        false,
        List.of());
  }

  private static CredentialReportRow rootRow() {
    return new CredentialReportRow(
        CredentialReportRow.ROOT,
        "arn:aws:iam::123456789012:root",
        2,
        Optional.of(CREATED),
        false,
        Optional.empty(),
        Optional.empty(),
        false,
        List.of());
  }

  private static CredentialReport report(String... users) {
    return new CredentialReport(
        Set.of(), Stream.of(users).map(ReportCoverageTest::row).toList(), Optional.of(rootRow()));
  }

  private static AuthorizationDetails iam(String... users) {
    Map<String, IamUser> byName =
        Stream.of(users)
            .map(
                name ->
                    new IamUser(
                        name,
                        "arn:aws:iam::123456789012:user/" + name,
                        CREATED,
                        Map.of(),
                        List.of(),
                        List.of(),
                        List.of()))
            .collect(Collectors.toMap(IamUser::name, Function.identity()));
    return new AuthorizationDetails(byName, Map.of());
  }

  @Test
  void of_whenReportAndIamNameTheSameUsers_isComplete() {
    ReportCoverage coverage = ReportCoverage.of(report("alice", "bob"), iam("bob", "alice"));

    assertThat(coverage.complete()).isTrue();
    assertThat(coverage.missingFromReport()).isEmpty();
    assertThat(coverage.unknownToIam()).isEmpty();
  }

  @Test
  void of_whenIamListsUsersTheReportLacks_namesThemSorted() {
    ReportCoverage coverage = ReportCoverage.of(report("bob"), iam("zoe", "bob", "alice"));

    assertThat(coverage.complete()).isFalse();
    assertThat(coverage.missingNames()).containsExactly("alice", "zoe");
    assertThat(coverage.unknownToIam()).isEmpty();
  }

  @Test
  void of_whenReportHasOnlyTheRootRow_namesEveryIamUserAsMissing() {
    ReportCoverage coverage = ReportCoverage.of(report(), iam("a", "b", "c"));

    assertThat(coverage.missingNames()).containsExactly("a", "b", "c");
    assertThat(coverage.unknownToIam()).isEmpty();
  }

  @Test
  void of_whenReportListsUsersIamDoesNotKnow_namesThemAndNotRoot() {
    ReportCoverage coverage = ReportCoverage.of(report("gone", "alice", "also-gone"), iam("alice"));

    assertThat(coverage.missingFromReport()).isEmpty();
    assertThat(coverage.unknownToIam())
        .extracting(CredentialReportRow::user)
        .containsExactly("also-gone", "gone");
    assertThat(coverage.unknownNames()).containsExactlyInAnyOrder("gone", "also-gone");
  }

  @Test
  void of_whenNamesDifferOnlyInCase_treatsThemAsDifferentUsers() {
    ReportCoverage coverage = ReportCoverage.of(report("Alice"), iam("alice"));

    assertThat(coverage.missingNames()).containsExactly("alice");
    assertThat(coverage.unknownNames()).containsExactly("Alice");
  }
}
