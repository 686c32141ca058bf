package dev.keywarden.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import dev.keywarden.checks.AuditFindings;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.CheckContext;
import dev.keywarden.checks.CheckRunner;
import dev.keywarden.checks.ChunkedAudit;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportParser;
import dev.keywarden.report.FindingsOutput;
import dev.keywarden.report.OcsfFindings;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The offline audit in chunks renders exactly what the whole report audited at once renders, in
 * every format, whatever the chunk and however many findings go to disk.
 */
class OfflineAuditTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final Instant AS_OF = Instant.parse("2026-11-24T00:00:00Z");
  private static final Pattern ACCOUNT = Pattern.compile("^arn:aws[a-z-]*:iam::(\\d{12}):");
  private static final String HEADER =
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
          + "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
          + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
          + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
          + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
  private static final String ROOT =
      "<root_account>,arn:aws:iam::%s:root,2019-03-04T09:15:00+00:00,not_supported,2026-11-10T08:30:00+00:00,"
          + "not_supported,not_supported,false,true,2026-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

  /** Users in every state the user-row checks judge, names out of order so that sorting matters. */
  private static String report(int users, int rootAt, String rootAccount) {
    List<String> lines = new ArrayList<>(List.of(HEADER));
    for (int i = 0; i < users; i++) {
      if (i == rootAt) {
        lines.add(ROOT.formatted(rootAccount));
      }
      int n = (i * 37) % 101;
      String rotated = "2026-%02d-%02dT10:00:00+00:00".formatted(1 + n % 11, 1 + n % 28);
      String used = i % 4 == 0 ? "N/A" : "2026-%02d-05T06:12:00+00:00".formatted(1 + i % 11);
      String pw = i % 3 == 0 ? "true" : "false";
      String second = i % 5 == 0 ? "true," + rotated : "false,N/A";
      lines.add(
          "u-%03d,arn:aws:iam::123456789012:user/u-%03d,2025-02-10T09:00:00+00:00,%s,%s,N/A,N/A,%s,true,%s,%s,eu-west-1,s3,%s,N/A,N/A,N/A,%s,%s,false,N/A"
              .formatted(
                  n,
                  n,
                  pw,
                  i % 6 == 0 ? "2026-06-01T00:00:00+00:00" : "N/A",
                  i % 2 == 0 ? "true" : "false",
                  rotated,
                  used,
                  second,
                  i % 7 == 0 ? "true" : "false",
                  i % 7 == 0 ? "2025-01-01T00:00:00+00:00" : "N/A"));
    }
    if (rootAt >= users) {
      lines.add(ROOT.formatted(rootAccount));
    }
    return String.join("\n", lines) + "\n";
  }

  /** What the whole report audited at once gives, as the command did before it read in chunks. */
  private static AuditResult whole(String text) {
    CredentialReport report = CredentialReportParser.parse(text, "r.csv", NOW);
    String account =
        report
            .root()
            .or(() -> report.users().stream().findFirst())
            .map(row -> ACCOUNT.matcher(row.arn()))
            .filter(Matcher::find)
            .map(m -> m.group(1))
            .orElse("000000000000");
    return CheckRunner.run(
        new CheckContext(
            AccountInventory.offline(account, NOW, report), AuditPolicy.defaults(), AS_OF));
  }

  private static ChunkedAudit chunked(String text, int chunk, int held) throws IOException {
    return OfflineAudit.run(
        new StringReader(text),
        "r.csv",
        AuditPolicy.defaults(),
        AS_OF,
        NOW,
        chunk,
        new ChunkedAudit(held));
  }

  private static final List<Function<AuditFindings, String>> FORMATS =
      List.of(
          r -> FindingsOutput.table(r, false, true),
          r -> FindingsOutput.table(r, true, false),
          FindingsOutput::json,
          FindingsOutput::csv,
          OcsfFindings::render);

  private static void assertSameRendering(String text, int chunk, int held) throws IOException {
    AuditResult expected = whole(text);
    try (ChunkedAudit actual = chunked(text, chunk, held)) {
      for (Function<AuditFindings, String> format : FORMATS) {
        assertThat(format.apply(actual)).isEqualTo(format.apply(expected));
      }
      assertThat(actual.skipped()).isEqualTo(expected.skipped());
    }
  }

  @ParameterizedTest(name = "{0} users, root before user {1}, {2} a chunk, {3} held")
  @CsvSource({
    "60, 0, 1, 1",
    "60, 0, 7, 5",
    "60, 25, 7, 5",
    "60, 60, 7, 1000",
    "60, 60, 60, 3",
    "60, 30, 59, 2",
    "60, 0, 1000, 1000",
    "1, 0, 1, 1",
    "0, 0, 5, 2"
  })
  void run_whateverTheChunkAndTheSpill_rendersWhatTheWholeReportRenders(
      int users, int rootAt, int chunk, int held) throws IOException {
    assertSameRendering(report(users, rootAt, "123456789012"), chunk, held);
  }

  @Test
  void run_whenTheRootRowComesLastWithAnotherAccount_givesEveryFindingTheRootsAccount()
      throws IOException {
    String text = report(40, 40, "210987654321");

    assertSameRendering(text, 6, 4);
    try (ChunkedAudit audit = chunked(text, 6, 4)) {
      assertThat(audit.findings()).isNotEmpty().allMatch(f -> f.accountId().equals("210987654321"));
    }
  }

  @Test
  void run_whenTheSampleReportIsRead_rendersWhatTheWholeReportRenders() throws IOException {
    String sample =
        Files.readString(
            Path.of("src", "test", "resources", "credential-reports", "sample.csv"),
            StandardCharsets.UTF_8);

    assertSameRendering(sample, 2, 3);
  }

  @Test
  void run_whenAUserComesBackInALaterChunk_refusesNamingBothLines() {
    String text = report(20, 0, "123456789012");
    String first = text.lines().filter(l -> l.startsWith("u-")).findFirst().orElseThrow();

    assertThatThrownBy(() -> chunked(text + first + "\n", 3, 2))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("lines 3 and 23 are both user '" + first.split(",")[0] + "'");
  }

  @Test
  void run_whenTheReportHasAHeaderOnly_givesTheSkippedChecksAndNoFinding() throws IOException {
    String text = HEADER + "\n";

    assertSameRendering(text, 5, 2);
    try (ChunkedAudit audit = chunked(text, 5, 2)) {
      assertThat(audit.findings()).isEmpty();
      assertThat(audit.skipped()).isNotEmpty();
    }
  }

  @Test
  void run_whenTheFileIsBlank_refusesItAsEmpty() {
    assertThatThrownBy(() -> chunked(" \n\n", 5, 2))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("r.csv is empty: not a credential report");
  }
}
