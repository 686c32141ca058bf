package dev.keywarden.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times the weekly report for a large organisation (by default 1,000 accounts with 100 open
 * findings each) so that its scale target, build and render within 30 s in a 512 MB heap, is
 * measured rather than hoped for. Run through {@code bench/report-scale}; not a test, so the
 * unit-test phase does not pay for it.
 */
public final class ReportScaleBench {
  private static final double TARGET_SECONDS = 30;

  private ReportScaleBench() {}

  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int perAccount = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Path out = Path.of(args.length > 2 ? args[2] : "target/report-scale");

    long t0 = System.nanoTime();
    ReportInput input = ReportFixtures.large(accounts, perAccount);
    long t1 = System.nanoTime();
    WeeklyReport report = WeeklyReportBuilder.build(input);
    long t2 = System.nanoTime();
    String html = HtmlReport.render(report);
    long t3 = System.nanoTime();
    String json = JsonReport.render(report);
    long t4 = System.nanoTime();
    String csv = CsvReport.render(input.openFindings(), input.accountNames(), input.owners());
    long t5 = System.nanoTime();
    String digest = DigestText.render(report, out.resolve("report.html").toString());
    long t6 = System.nanoTime();

    Files.createDirectories(out);
    Files.writeString(out.resolve("report.html"), html, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("report.json"), json, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("findings.csv"), csv, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("digest.txt"), digest, StandardCharsets.UTF_8);

    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    double work = seconds(t2 - t1) + seconds(t6 - t2);
    System.out.printf(
        Locale.ROOT,
        "weekly report: %,d accounts x %,d open findings = %,d findings, %,d run summaries%n",
        accounts,
        perAccount,
        input.openFindings().size(),
        input.trendWeeks().values().stream().mapToInt(java.util.List::size).sum());
    System.out.printf(
        Locale.ROOT, "max heap                %,8d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(Locale.ROOT, "input (fixture)         %8.2f s%n", seconds(t1 - t0));
    System.out.printf(Locale.ROOT, "build                   %8.2f s%n", seconds(t2 - t1));
    System.out.printf(
        Locale.ROOT,
        "render HTML             %8.2f s   %,d bytes%n",
        seconds(t3 - t2),
        bytes(html));
    System.out.printf(
        Locale.ROOT,
        "render JSON             %8.2f s   %,d bytes%n",
        seconds(t4 - t3),
        bytes(json));
    System.out.printf(
        Locale.ROOT, "render CSV              %8.2f s   %,d bytes%n", seconds(t5 - t4), bytes(csv));
    System.out.printf(
        Locale.ROOT,
        "render digest           %8.2f s   %d lines%n",
        seconds(t6 - t5),
        digest.lines().count());
    System.out.printf(
        Locale.ROOT,
        "peak heap               %,8d MB (sum of each heap pool's peak: an upper bound)%n",
        peak >> 20);
    System.out.printf(
        Locale.ROOT,
        "build + render          %8.2f s   target <= %.0f s: %s%n",
        work,
        TARGET_SECONDS,
        work <= TARGET_SECONDS ? "met" : "NOT MET");
    System.out.println("files in " + out.toAbsolutePath());
    if (work > TARGET_SECONDS) {
      System.exit(1);
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static long bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
