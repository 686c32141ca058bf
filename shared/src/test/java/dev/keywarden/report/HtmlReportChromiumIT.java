package dev.keywarden.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the weekly report in a real browser (Debian's headless Chromium), as the security team
 * will: the numbers it shows must be the JSON's, the page must raise no console error (no blocked
 * load, no script), and a screenshot shows what it looks like.
 */
class HtmlReportChromiumIT {
  private static final Path CHROMIUM =
      Path.of(System.getProperty("keywarden.chromium", "/usr/bin/chromium"));
  private static final Path OUT =
      Path.of(System.getProperty("basedir", "."), "target", "weekly-report");
  private static final Pattern DATA = Pattern.compile("<data\\b[^>]*>");
  private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");
  private static final Pattern CONSOLE = Pattern.compile(".*(:CONSOLE[:(]|Uncaught).*");
  private static Path html;
  private static JsonNode json;

  @BeforeAll
  static void renderReport() throws IOException {
    ChromiumRequirement chromium = ChromiumRequirement.decide(CHROMIUM, System.getenv());
    if (!chromium.run()) {
      System.err.println(chromium.message().orElseThrow());
      if (chromium.fail()) {
        fail(chromium.message().orElseThrow());
      }
      org.junit.jupiter.api.Assumptions.abort(chromium.message().orElseThrow());
    }
    Files.createDirectories(OUT);
    ReportInput input = ReportFixtures.organisation();
    WeeklyReport report = WeeklyReportBuilder.build(input);
    html = OUT.resolve("report.html");
    Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
    Files.writeString(
        OUT.resolve("report.json"), JsonReport.render(report), StandardCharsets.UTF_8);
    Files.writeString(
        OUT.resolve("findings.csv"),
        CsvReport.render(input.openFindings(), input.accountNames(), input.owners()),
        StandardCharsets.UTF_8);
    Files.writeString(
        OUT.resolve("digest.txt"),
        DigestText.render(report, "target/weekly-report/report.html"),
        StandardCharsets.UTF_8);
    json = new ObjectMapper().readTree(OUT.resolve("report.json").toFile());
  }

  @Test
  void dumpDom_showsTheSameHeadlineNumbersAsTheJson() throws Exception {
    Result result = chromium(List.of("--dump-dom", html.toUri().toString()));

    Map<String, String> shown = metrics(result.stdout());
    JsonNode headline = json.get("headline");
    assertThat(shown).hasSize(headline.size());
    for (Iterator<String> names = headline.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode value = headline.get(name);
      String expected =
          value.isNull()
              ? ""
              : value.isDouble()
                  ? String.format(Locale.ROOT, "%.1f", value.asDouble())
                  : value.asText();
      assertThat(shown.get(name)).as("data-metric %s", name).isEqualTo(expected);
    }
    assertThat(result.stdout()).contains("analytics-staging (333333333333)").contains("<svg");
  }

  @Test
  void consoleLog_reportsAPolicyViolationOnAPageThatHasOne() throws Exception {
    Path control = OUT.resolve("console-control.html");
    Files.writeString(
        control,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:\"><title>control</title>"
            + "</head><body><img src=\"file:///nonexistent-control.png\" alt=\"\"></body></html>");

    assertThat(
            consoleLines(
                chromium(
                    List.of(
                        "--enable-logging=stderr",
                        "--v=0",
                        "--dump-dom",
                        control.toUri().toString()))))
        .as("the method used to find console errors must find this one")
        .isNotEmpty();
  }

  @Test
  void consoleLog_whenTheReportLoads_isEmpty() throws Exception {
    Result result =
        chromium(
            List.of("--enable-logging=stderr", "--v=0", "--dump-dom", html.toUri().toString()));

    assertThat(consoleLines(result)).isEmpty();
    assertThat(result.stdout()).contains("</html>");
  }

  @Test
  void screenshot_isALaptopSizedPictureOfThePage() throws Exception {
    Path png = OUT.resolve("report.png");
    Files.deleteIfExists(png);

    chromium(
        List.of(
            "--hide-scrollbars",
            "--window-size=1280,1800",
            "--screenshot=" + png,
            html.toUri().toString()));

    assertThat(png).exists();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).as("PNG size").isGreaterThan(50_000);
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    ByteBuffer header = ByteBuffer.wrap(bytes, 16, 8);
    assertThat(header.getInt()).as("width").isEqualTo(1280);
    assertThat(header.getInt()).as("height").isEqualTo(1800);
    if (Boolean.getBoolean("keywarden.updateScreenshot")) {
      Path docs =
          Path.of(System.getProperty("basedir", "."), "..", "docs", "report.png").normalize();
      Files.copy(png, docs, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Map<String, String> metrics(String dom) {
    Map<String, String> found = new LinkedHashMap<>();
    Matcher element = DATA.matcher(dom);
    while (element.find()) {
      Map<String, String> attributes = new LinkedHashMap<>();
      Matcher a = ATTRIBUTE.matcher(element.group());
      while (a.find()) {
        attributes.put(a.group(1), a.group(2));
      }
      if (attributes.containsKey("data-metric")) {
        found.put(attributes.get("data-metric"), attributes.getOrDefault("value", ""));
      }
    }
    return found;
  }

  private static List<String> consoleLines(Result result) {
    return result.stderr().lines().filter(l -> CONSOLE.matcher(l).matches()).toList();
  }

  private record Result(String stdout, String stderr) {}

  private static Result chromium(List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("keywarden-chromium-");
    Path stdout = Files.createTempFile("chromium-", ".out");
    Path stderr = Files.createTempFile("chromium-", ".err");
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        fail("chromium did not finish within 120 s: " + command + "\n" + Files.readString(stderr));
      }
      String err = Files.readString(stderr);
      assertThat(process.exitValue()).as("chromium exit code; stderr:\n" + err).isZero();
      return new Result(Files.readString(stdout), err);
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
