package dev.keywarden.securityhub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.KeywardenException;
import dev.keywarden.checks.Severity;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.StoredFinding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecurityHubExportTest {
  private static final String ACCOUNT = "111122223333";
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final SecurityHubSettings PRODUCT = SecurityHubSettings.forAccount("999988887777", "eu-west-1");

  /** Security Hub as a port: it accepts what it is given, except the ids it is told to refuse. */
  private static class Importer implements FindingsImporter {
    final List<List<AsffFinding>> calls = new ArrayList<>();
    final Map<String, AsffFinding> held = new HashMap<>();
    final Set<String> refuse = new LinkedHashSet<>();
    int refuseTimes = Integer.MAX_VALUE;
    int failCalls;

    @Override
    public Map<String, String> importBatch(List<AsffFinding> findings) {
      assertThat(findings.size()).isBetween(1, MAX_BATCH);
      calls.add(findings);
      if (failCalls > 0) {
        failCalls--;
        throw new KeywardenException("securityhub:BatchImportFindings failed: Rate exceeded");
      }
      Map<String, String> failed = new HashMap<>();
      for (AsffFinding f : findings) {
        if (refuse.contains(f.id()) && refuseTimes > 0) {
          failed.put(f.id(), "InvalidInput: refused");
        } else {
          held.put(f.id(), f);
        }
      }
      if (!failed.isEmpty()) {
        refuseTimes--;
      }
      return failed;
    }
  }

  private static final class Ledger implements ImportedFindings {
    final Map<String, String> fingerprints = new HashMap<>();
    int writes;

    @Override
    public Map<String, String> load(String accountId) {
      return Map.copyOf(fingerprints);
    }

    @Override
    public void record(String accountId, Map<String, String> accepted) {
      writes += accepted.size();
      fingerprints.putAll(accepted);
    }
  }

  private final Importer importer = new Importer();
  private final Ledger ledger = new Ledger();
  private final SecurityHubExport export = SecurityHubExport.create(PRODUCT, importer, ledger);

  static StoredFinding finding(String user, FindingStatus status) {
    return new StoredFinding(ACCOUNT, "key-expired", "arn:aws:iam::" + ACCOUNT + ":user/" + user + "#access_key_1", user,
        Severity.HIGH, "Access key past its maximum age", "access key 1 of " + user + " is 91 days old", status,
        Instant.parse("2026-11-01T06:00:00Z"), status == FindingStatus.RESOLVED ? Optional.of(NOW) : Optional.empty(),
        Optional.of(Instant.parse("2026-11-30T06:00:00Z")),
        status == FindingStatus.EXEMPT ? Optional.of(LocalDate.parse("2026-12-31")) : Optional.empty(),
        status == FindingStatus.EXEMPT ? Optional.of("migration") : Optional.empty(), 1);
  }

  private static List<StoredFinding> open(int n) {
    return IntStream.range(0, n).mapToObj(i -> finding(String.format("svc-%03d", i), FindingStatus.OPEN)).toList();
  }

  @Test
  void send_when250Changed_sendsThreeBatchesOfAtMost100() {
    SecurityHubExport.Report report = export.send(ACCOUNT, open(250), Map.of(), NOW);

    assertThat(importer.calls).extracting(List::size).containsExactly(100, 100, 50);
    assertThat(report).isEqualTo(new SecurityHubExport.Report(250, 250, 0, 0, 3));
    assertThat(ledger.fingerprints).hasSize(250);
  }

  @Test
  void send_whenNothingChangedSinceTheLastImport_sendsNothing() {
    export.send(ACCOUNT, open(3), Map.of(), NOW);
    importer.calls.clear();

    SecurityHubExport.Report again = export.send(ACCOUNT, open(3), Map.of(), NOW.plusSeconds(86_400));

    assertThat(importer.calls).isEmpty();
    assertThat(again).isEqualTo(new SecurityHubExport.Report(0, 0, 0, 0, 0));
  }

  @Test
  void send_whenOneFindingChanges_sendsOnlyThatOne() {
    export.send(ACCOUNT, open(3), Map.of(), NOW);
    importer.calls.clear();
    List<StoredFinding> next = new ArrayList<>(open(3));
    next.set(1, finding("svc-001", FindingStatus.RESOLVED));

    export.send(ACCOUNT, next, Map.of(), NOW);

    assertThat(importer.calls).singleElement().satisfies(batch -> assertThat(batch).singleElement()
        .satisfies(f -> assertThat(f.recordState()).isEqualTo("ARCHIVED")));
  }

  @Test
  void send_whenTheOwnerChanges_sendsTheFindingAgain() {
    export.send(ACCOUNT, open(1), Map.of("svc-000", "a@example.com"), NOW);

    SecurityHubExport.Report report = export.send(ACCOUNT, open(1), Map.of("svc-000", "b@example.com"), NOW);

    assertThat(report.sent()).isEqualTo(1);
    assertThat(importer.held.values()).singleElement()
        .satisfies(f -> assertThat(f.userDefinedFields()).containsEntry("keywarden/owner", "b@example.com"));
  }

  @Test
  void send_whenAResolvedFindingWasNeverImported_doesNotCreateIt() {
    SecurityHubExport.Report report = export.send(ACCOUNT, List.of(finding("gone", FindingStatus.RESOLVED)), Map.of(), NOW);

    assertThat(importer.calls).isEmpty();
    assertThat(report.changed()).isZero();
  }

  @Test
  void send_whenSecurityHubRefusesAFindingOnce_triesItAgainInTheSameRun() {
    List<StoredFinding> findings = open(3);
    importer.refuse.add("keywarden/" + ACCOUNT + "/key-expired/" + findings.get(1).resourceId());
    importer.refuseTimes = 1;

    SecurityHubExport.Report report = export.send(ACCOUNT, findings, Map.of(), NOW);

    assertThat(importer.calls).extracting(List::size).containsExactly(3, 1);
    assertThat(report).isEqualTo(new SecurityHubExport.Report(3, 3, 0, 0, 2));
    assertThat(ledger.fingerprints).hasSize(3);
  }

  @Test
  void send_whenSecurityHubKeepsRefusingAFinding_leavesItPendingForTheNextRun() {
    List<StoredFinding> findings = open(3);
    String refused = "keywarden/" + ACCOUNT + "/key-expired/" + findings.get(2).resourceId();
    importer.refuse.add(refused);

    SecurityHubExport.Report report = export.send(ACCOUNT, findings, Map.of(), NOW);

    assertThat(report).isEqualTo(new SecurityHubExport.Report(3, 2, 1, 1, SecurityHubExport.ATTEMPTS));
    assertThat(ledger.fingerprints).doesNotContainKey(findings.get(2).key()).hasSize(2);

    importer.refuse.clear();
    importer.calls.clear();
    SecurityHubExport.Report next = export.send(ACCOUNT, findings, Map.of(), NOW);
    assertThat(importer.calls).singleElement().satisfies(b -> assertThat(b).extracting(AsffFinding::id).containsExactly(refused));
    assertThat(next.pending()).isZero();
  }

  @Test
  void send_whenACallFails_keepsWhatEarlierBatchesSentAndLeavesTheRestPending() {
    List<StoredFinding> findings = open(150);
    Importer failingSecond = new Importer() {
      int n;

      @Override
      public Map<String, String> importBatch(List<AsffFinding> batch) {
        if (++n == 2) {
          throw new KeywardenException("securityhub:BatchImportFindings failed: Rate exceeded");
        }
        return super.importBatch(batch);
      }
    };
    SecurityHubExport failing = SecurityHubExport.create(PRODUCT, failingSecond, ledger);

    SecurityHubExport.Report report = failing.send(ACCOUNT, findings, Map.of(), NOW);

    assertThat(report).isEqualTo(new SecurityHubExport.Report(150, 100, 0, 50, 2));
    assertThat(ledger.fingerprints).hasSize(100);
    SecurityHubExport.Report next = failing.send(ACCOUNT, findings, Map.of(), NOW);
    assertThat(next).isEqualTo(new SecurityHubExport.Report(50, 50, 0, 0, 1));
  }

  @Test
  void send_whenTheLedgerCannotBeRead_sendsNothingAndThrowsNothing() {
    ImportedFindings broken = new ImportedFindings() {
      @Override
      public Map<String, String> load(String accountId) {
        throw new KeywardenException("dynamodb:Query failed");
      }

      @Override
      public void record(String accountId, Map<String, String> fingerprints) {}
    };

    SecurityHubExport.Report report = SecurityHubExport.create(PRODUCT, importer, broken).send(ACCOUNT, open(2), Map.of(), NOW);

    assertThat(importer.calls).isEmpty();
    assertThat(report.calls()).isZero();
  }
}
