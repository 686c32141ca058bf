package dev.keywarden.aws;

import dev.keywarden.InvalidInputException;
import dev.keywarden.KeywardenException;
import dev.keywarden.config.Settings;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.IsoWeek;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.notify.NoticeKind;
import dev.keywarden.report.OcsfFindings;
import dev.keywarden.report.ReportFiles;
import dev.keywarden.report.ReportInput;
import dev.keywarden.report.RotationReport;
import dev.keywarden.report.WeeklyReportBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Builds the weekly report from the findings table, by queries only (the week index for summaries,
 * one query per account for open findings), and delivers it: to S3 with a digest to the security
 * team, or to a local folder.
 */
public final class WeeklyReports {
  private static final Logger LOG = LogManager.getLogger(WeeklyReports.class);

  private final AwsClientFactory clients;
  private final Settings settings;
  private final DynamoAccountStateStore store;
  private final Clock clock;

  private WeeklyReports(AwsClientFactory clients, Settings settings, Clock clock) {
    this.clients = clients;
    this.settings = settings;
    this.store = AccountRuns.store(clients, settings);
    this.clock = clock;
  }

  public static WeeklyReports create(AwsClientFactory clients, Settings settings, Clock clock) {
    return new WeeklyReports(clients, settings, clock);
  }

  /** Everything the report of {@code isoWeek} is derived from, read from the table. */
  public ReportInput read(String isoWeek) {
    Instant weekEnd = IsoWeek.start(isoWeek).plus(Duration.ofDays(7));
    Instant now = clock.instant();
    Instant generatedAt = now.isBefore(weekEnd) ? now : weekEnd;
    List<RunSummary> weekRuns = store.runSummariesForWeek(isoWeek);
    String previousWeek = IsoWeek.minus(isoWeek, 1);
    List<RunSummary> previousRuns = store.runSummariesForWeek(previousWeek);
    Map<String, List<RunSummary>> trend = new LinkedHashMap<>();
    for (int back = WeeklyReportBuilder.TREND_WEEKS - 1; back >= 2; back--) {
      String week = IsoWeek.minus(isoWeek, back);
      trend.put(week, store.runSummariesForWeek(week));
    }
    trend.put(previousWeek, previousRuns);
    trend.put(isoWeek, weekRuns);

    Set<String> accounts = new TreeSet<>();
    weekRuns.forEach(s -> accounts.add(s.accountId()));
    previousRuns.forEach(s -> accounts.add(s.accountId()));
    List<StoredFinding> open = new ArrayList<>();
    Map<String, String> owners = new TreeMap<>();
    for (String account : accounts) {
      open.addAll(store.findings(account, Optional.of(FindingStatus.OPEN)));
      store
          .owners(account)
          .forEach(
              (principal, owner) -> owners.put(ReportInput.ownerKey(account, principal), owner));
    }
    return new ReportInput(
        isoWeek,
        generatedAt,
        weekRuns,
        previousRuns,
        trend,
        open,
        accountNames(),
        Set.of(),
        owners,
        AccountRuns.grants(clients, settings).all());
  }

  /**
   * Account names from Organizations, when the caller may list them; the report shows ids alone
   * otherwise.
   */
  private Map<String, String> accountNames() {
    try {
      return OrganizationGateway.create(clients).accountNames();
    } catch (KeywardenException | SdkException e) {
      LOG.warn(
          "account names are not available, the report shows account ids only: {}", e.getMessage());
      return Map.of();
    }
  }

  /**
   * Writes the report to the reports bucket under {@code reports/<week>/} and sends the digest to
   * the security topic; returns where the page is.
   */
  public String publish(String isoWeek) {
    String bucket =
        settings
            .run()
            .reportsBucket()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "reports-bucket is not set (KEYWARDEN_REPORTS_BUCKET): the weekly report needs a bucket to go to"));
    String prefix = "reports/" + isoWeek + "/";
    String location = "s3://" + bucket + "/" + prefix + ReportFiles.HTML;
    ReportInput input = read(isoWeek);
    ReportFiles files = withRotations(isoWeek, ReportFiles.render(input, location));
    put(bucket, prefix + ReportFiles.HTML, files.html(), "text/html; charset=utf-8");
    put(bucket, prefix + ReportFiles.JSON, files.json(), "application/json");
    put(bucket, prefix + ReportFiles.CSV, files.csv(), "text/csv; charset=utf-8");
    put(bucket, prefix + OcsfFindings.FILE, ocsf(input), "application/json");
    settings
        .run()
        .securityTopicArn()
        .ifPresentOrElse(
            topic ->
                SnsNotifier.create(clients.sns(), topic, Optional.of(topic))
                    .alert(
                        "Keywarden weekly IAM report " + isoWeek,
                        files.digest(),
                        Map.of("kind", NoticeKind.WEEKLY_DIGEST.wire(), "week", isoWeek)),
            () -> LOG.warn("security-topic-arn is not set: the weekly digest was not sent"));
    return location;
  }

  /**
   * Writes the report's five files (page, JSON, CSV, OCSF, digest) into {@code dir} (created when
   * missing); returns the page.
   */
  public Path writeTo(String isoWeek, Path dir) {
    Path page = dir.resolve(ReportFiles.HTML);
    ReportInput input = read(isoWeek);
    ReportFiles files =
        withRotations(isoWeek, ReportFiles.render(input, page.toAbsolutePath().toString()));
    try {
      Files.createDirectories(dir);
      write(page, files.html());
      write(dir.resolve(ReportFiles.JSON), files.json());
      write(dir.resolve(ReportFiles.CSV), files.csv());
      write(dir.resolve(OcsfFindings.FILE), ocsf(input));
      write(dir.resolve("digest.txt"), files.digest());
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot write the report into " + dir + ": " + e.getMessage(), e);
    }
    return page;
  }

  /**
   * The files with the assisted-rotation section, when the settings turn assisted rotation on
   * anywhere.
   */
  private ReportFiles withRotations(String isoWeek, ReportFiles files) {
    if (!settings.rotation().enabled()) {
      return files;
    }
    return RotationReport.of(isoWeek, AccountRuns.rotationStore(clients, settings).all())
        .addTo(files);
  }

  /** The week's open findings as OCSF Compliance Findings, for a SIEM or data lake. */
  private static String ocsf(ReportInput input) {
    return OcsfFindings.render(input.openFindings(), input.owners(), input.generatedAt());
  }

  /** Writes through a temporary file and a move, so a reader never sees half a report. */
  private static void write(Path target, String content) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), ".keywarden-", ".tmp");
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void put(String bucket, String key, String content, String contentType) {
    try {
      clients
          .s3()
          .putObject(
              r -> r.bucket(bucket).key(key).contentType(contentType),
              RequestBody.fromString(content, StandardCharsets.UTF_8));
    } catch (SdkException e) {
      throw new KeywardenException(
          "s3:PutObject of s3://" + bucket + "/" + key + " failed: " + e.getMessage(), e);
    }
  }
}
