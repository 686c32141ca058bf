package dev.keywarden.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the browser test runs: wherever Chromium is found; where it is not, the test is required
 * (fails) when the environment variable {@code CI} is set, and is skipped with one visible line
 * naming the install command elsewhere, so that the README's test command works on a fresh machine.
 *
 * @param run whether to run the test
 * @param message why not, naming the install command; empty when it runs
 * @param fail whether a missing Chromium fails the build
 */
record ChromiumRequirement(boolean run, Optional<String> message, boolean fail) {
  static final String INSTALL = "apt-get install chromium";

  static ChromiumRequirement decide(Path chromium, Map<String, String> environment) {
    if (Files.isExecutable(chromium)) {
      return new ChromiumRequirement(true, Optional.empty(), false);
    }
    String ci = environment.get("CI");
    boolean required = ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    String message =
        "HtmlReportChromiumIT: "
            + chromium
            + " is missing; install Chromium with '"
            + INSTALL
            + "'"
            + " (or point -Dkeywarden.chromium at another Chromium binary)"
            + (required ? ": required because CI is set" : ": the browser test is skipped");
    return new ChromiumRequirement(false, Optional.of(message), required);
  }
}
