package dev.keywarden.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.CheckContext;
import dev.keywarden.checks.CheckRunner;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.AccountSummary;
import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.ReportColumn;
import dev.keywarden.remediate.DeactivatedKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoticePlannerTest {
  private static final String ACCOUNT = "123456789012";
  private static final Instant CREATED = Instant.parse("2026-10-01T09:00:00Z");
  private static final List<Integer> STAGES = List.of(14, 7, 1);

  /**
   * A user of the account: name, owner tag (may be null), console password, and number of active
   * keys.
   */
  private record Spec(String name, String owner, boolean console, int keys, Instant rotated) {}

  private static Spec service(String name, String owner) {
    return new Spec(name, owner, false, 1, CREATED);
  }

  private static String arn(String name) {
    return "arn:aws:iam::" + ACCOUNT + ":user/" + name;
  }

  private static AccountInventory inventory(List<Spec> specs) {
    List<CredentialReportRow> rows = new ArrayList<>();
    Map<String, IamUser> users = new HashMap<>();
    int line = 2;
    for (Spec s : specs) {
      List<AccessKeySlot> slots =
          List.of(
              new AccessKeySlot(1, s.keys() >= 1, Optional.of(s.rotated()), Optional.empty()),
              new AccessKeySlot(
                  2,
                  s.keys() >= 2,
                  s.keys() >= 2 ? Optional.of(s.rotated()) : Optional.empty(),
                  Optional.empty()));
      rows.add(
          new CredentialReportRow(
              s.name(),
              arn(s.name()),
              line++,
              Optional.of(s.rotated()),
              s.console(),
              Optional.empty(),
              Optional.of(s.rotated()),
              true,
              slots));
      Map<String, String> tags = new HashMap<>();
      tags.put(AuditPolicy.MAX_KEY_AGE_TAG, "30");
      if (s.owner() != null) {
        tags.put("owner", s.owner());
      }
      users.put(
          s.name(),
          new IamUser(s.name(), arn(s.name()), s.rotated(), tags, List.of(), List.of(), List.of()));
    }
    CredentialReport report =
        new CredentialReport(EnumSet.allOf(ReportColumn.class), rows, Optional.empty());
    return new AccountInventory(
        ACCOUNT,
        CREATED,
        report,
        Optional.of(new AuthorizationDetails(users, Map.of())),
        Optional.of(new AccountSummary(true, false, specs.size())),
        Optional.of(PasswordPolicy.absent()),
        Optional.of(false),
        Optional.empty());
  }

  private static List<NoticeDraft> plan(
      List<Spec> specs,
      double day,
      Map<String, KeyNoticeState> claimed,
      Optional<String> fallback,
      List<DeactivatedKey> deactivated) {
    Instant asOf = CREATED.plus(Duration.ofMinutes(Math.round(day * 24 * 60)));
    AccountInventory inventory = inventory(specs);
    AuditResult result = CheckRunner.run(new CheckContext(inventory, AuditPolicy.defaults(), asOf));
    return NoticePlanner.plan(
        request(inventory, result, asOf)
            .claimed(claimed)
            .fallbackOwner(fallback)
            .deactivated(deactivated)
            .build());
  }

  /** A request of run-1 in the account with the default stages and owner tag keys. */
  private static NoticeRequest.Builder request(
      AccountInventory inventory, AuditResult result, Instant asOf) {
    return NoticeRequest.builder()
        .accountId(ACCOUNT)
        .runId("run-1")
        .inventory(inventory)
        .result(result)
        .stagesDays(STAGES)
        .ownerTagKeys(AuditPolicy.defaults().ownerTagKeys())
        .asOf(asOf);
  }

  private static List<NoticeDraft> plan(double day, Map<String, KeyNoticeState> claimed) {
    return plan(
        List.of(service("svc", "ops@example.com")), day, claimed, Optional.empty(), List.of());
  }

  private static Map<String, KeyNoticeState> claimed(String... stages) {
    KeyNoticeState state =
        new KeyNoticeState(arn("svc") + "#access_key_1", CREATED, Set.of(stages));
    return Map.of(state.keyId(), state);
  }

  private static List<String> stages(List<NoticeDraft> drafts) {
    return drafts.stream()
        .flatMap(d -> d.claimList().stream())
        .map(NoticeDraft.StageClaim::stage)
        .toList();
  }

  @ParameterizedTest
  @CsvSource({
    "10, ''",
    "15.9, ''",
    "16, 14d",
    "20, 14d",
    "23, 7d",
    "25, 7d",
    "29, 1d",
    "29.9, 1d",
    "31, 1d",
  })
  void plan_whenNothingWasSentBefore_sendsOnlyTheNearestDueStage(double day, String expected) {
    List<NoticeDraft> drafts = plan(day, Map.of());

    assertThat(stages(drafts)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "16, 14d, ''",
    "22, 14d, ''",
    "23, 14d, 7d",
    "23, 7d, ''",
    "29, '14d', 1d",
    "29, 1d, ''",
    "31, deactivated, ''",
  })
  void plan_whenStagesWereClaimed_neverSendsOneAgainOrAFartherOne(
      double day, String already, String expected) {
    List<NoticeDraft> drafts = plan(day, claimed(already));

    assertThat(stages(drafts)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
  }

  @Test
  void plan_whenTheKeyWasRotated_startsAgain() {
    KeyNoticeState old =
        new KeyNoticeState(
            arn("svc") + "#access_key_1", CREATED.minus(Duration.ofDays(60)), Set.of("14d"));

    assertThat(stages(plan(16, Map.of(old.keyId(), old)))).containsExactly("14d");
  }

  @Test
  void plan_whenADraftIsMade_carriesAttributesClaimsAndASubjectUnder100Characters() {
    NoticeDraft draft = plan(16, Map.of()).get(0);

    assertThat(draft.id()).isEqualTo("run-1#ops@example.com#rotation-notice");
    assertThat(draft.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "recipient", "ops@example.com", "kind", "rotation-notice", "accountId", ACCOUNT));
    assertThat(draft.claims())
        .containsOnlyKeys(KeyNoticeState.keyId(arn("svc") + "#access_key_1", CREATED));
    assertThat(draft.subject())
        .isEqualTo("Keywarden: 1 access key in 123456789012 to rotate by 2026-10-31")
        .hasSizeLessThan(100);
    assertThat(draft.body())
        .contains("user svc, access_key_1")
        .contains("deadline 2026-10-31T09:00:00Z (14 days left)")
        .contains("1. Create a new key:   aws iam create-access-key --user-name svc")
        .contains("--status Inactive")
        .contains("aws iam delete-access-key")
        .doesNotContain("IAM Identity Center");
  }

  @Test
  void plan_whenOwnerHasSeveralKeys_sendsOneMessageListingThemAll() {
    List<Spec> specs =
        List.of(
            new Spec("svc-a", "ops@example.com", false, 2, CREATED),
            service("svc-b", "ops@example.com"),
            service("svc-c", "data@example.com"));

    List<NoticeDraft> drafts = plan(specs, 16, Map.of(), Optional.empty(), List.of());

    assertThat(drafts)
        .extracting(NoticeDraft::recipient)
        .containsExactly("data@example.com", "ops@example.com");
    assertThat(drafts.get(1).claims()).hasSize(3);
    assertThat(drafts.get(1).subject()).startsWith("Keywarden: 3 access keys in ");
  }

  @Test
  void plan_whenTheUserIsAPerson_recommendsIdentityCenter() {
    List<Spec> specs = List.of(new Spec("alice", "alice@example.com", true, 1, CREATED));

    assertThat(plan(specs, 16, Map.of(), Optional.empty(), List.of()).get(0).body())
        .contains("IAM Identity Center");
  }

  @Test
  void plan_whenOwnerTagIsNotAnAddress_usesTheFallbackOrSendsNothing() {
    List<Spec> specs = List.of(service("svc", "reports team"));

    assertThat(plan(specs, 16, Map.of(), Optional.empty(), List.of())).isEmpty();
    assertThat(plan(specs, 16, Map.of(), Optional.of("security@example.com"), List.of()))
        .extracting(NoticeDraft::recipient)
        .containsExactly("security@example.com");
  }

  @Test
  void plan_whenAUserIsExempted_sendsNothing() {
    AccountInventory inventory = inventory(List.of(service("svc", "ops@example.com")));
    IamUser user = inventory.authorization().orElseThrow().users().get("svc");
    Map<String, String> tags = new HashMap<>(user.tags());
    tags.put(AuditPolicy.EXEMPT_UNTIL_TAG, "2027-01-01");
    tags.put(AuditPolicy.EXEMPT_REASON_TAG, "migration");
    IamUser exempt =
        new IamUser(user.name(), user.arn(), user.created(), tags, List.of(), List.of(), List.of());
    AccountInventory withExemption =
        new AccountInventory(
            ACCOUNT,
            CREATED,
            inventory.credentialReport(),
            Optional.of(new AuthorizationDetails(Map.of("svc", exempt), Map.of())),
            inventory.summary(),
            inventory.passwordPolicy(),
            inventory.rootVirtualMfa(),
            Optional.empty());
    Instant asOf = CREATED.plus(Duration.ofDays(16));
    AuditResult result =
        CheckRunner.run(
            new CheckContext(
                withExemption,
                AuditPolicy.defaults(),
                asOf,
                List.of(
                    new dev.keywarden.checks.ExemptionGrant(
                        ACCOUNT,
                        "svc",
                        java.time.LocalDate.parse("2027-01-01"),
                        "migration",
                        java.util.Set.of(),
                        "arn:aws:iam::" + ACCOUNT + ":role/security",
                        asOf))));

    assertThat(NoticePlanner.plan(request(withExemption, result, asOf).build())).isEmpty();
  }

  @Test
  void plan_whenAKeyWasDeactivated_sendsTheDeactivationNoticeOnce() {
    DeactivatedKey key =
        new DeactivatedKey("svc", 1, arn("svc") + "#access_key_1", CREATED, "AKIAEXAMPLE1");
    List<Spec> specs = List.of(service("svc", "ops@example.com"));

    List<NoticeDraft> first = plan(specs, 30, claimed("1d"), Optional.empty(), List.of(key));
    List<NoticeDraft> again =
        plan(specs, 30, claimed("1d", "deactivated"), Optional.empty(), List.of(key));

    assertThat(first)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(NoticeKind.DEACTIVATION);
              assertThat(d.attributes()).containsEntry("kind", "deactivation-notice");
              assertThat(d.subject())
                  .isEqualTo("Keywarden: 1 access key deactivated in account 123456789012");
              assertThat(d.body())
                  .contains("AKIAEXAMPLE1")
                  .contains("were not deleted")
                  .contains("keywarden reactivate --account 123456789012 --user svc");
            });
    assertThat(again).isEmpty();
  }

  @Test
  void plan_whenADeactivatedKeyWasReactivatedBefore_tellsTheNewDeactivationAgain() {
    DeactivatedKey key =
        new DeactivatedKey("svc", 1, arn("svc") + "#access_key_1", CREATED, "AKIAEXAMPLE1");
    Instant asOf = CREATED.plus(Duration.ofDays(30));
    AccountInventory inventory = inventory(List.of(service("svc", "ops@example.com")));
    AuditResult result = CheckRunner.run(new CheckContext(inventory, AuditPolicy.defaults(), asOf));

    List<NoticeDraft> drafts =
        NoticePlanner.plan(
            request(inventory, result, asOf)
                .claimed(claimed("1d", "deactivated"))
                .deactivated(List.of(key))
                .reactivations(Map.of("AKIAEXAMPLE1", 1))
                .build());

    assertThat(stages(drafts)).containsExactly("deactivated-2");
  }

  @Test
  void plan_whenTheKeyIsDeactivatedInThisRun_sendsOnlyTheDeactivationNotice() {
    DeactivatedKey key =
        new DeactivatedKey("svc", 1, arn("svc") + "#access_key_1", CREATED, "AKIAEXAMPLE1");

    List<NoticeDraft> drafts =
        plan(
            List.of(service("svc", "ops@example.com")),
            30,
            claimed("7d"),
            Optional.empty(),
            List.of(key));

    assertThat(drafts).extracting(NoticeDraft::kind).containsExactly(NoticeKind.DEACTIVATION);
    assertThat(drafts.get(0).attributes()).containsEntry("kind", "deactivation-notice");
  }

  @Test
  void plan_whenAnOwnerHasMoreKeysThanOneClaimCanHold_splitsTheMessage() {
    List<Spec> specs = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      specs.add(service("svc-" + i, "ops@example.com"));
    }

    List<NoticeDraft> drafts = plan(specs, 16, Map.of(), Optional.empty(), List.of());

    assertThat(drafts).hasSize(2);
    assertThat(drafts.get(0).claims()).hasSize(99);
    assertThat(drafts.get(1).id()).endsWith("#2");
  }

  @Test
  void subject_whenUserNamesAreLong_staysUnder100Characters() {
    List<Spec> specs = List.of(service("a".repeat(64), "ops@example.com"));

    assertThat(plan(specs, 16, Map.of(), Optional.empty(), List.of()).get(0).subject())
        .hasSizeLessThan(100);
  }
}
