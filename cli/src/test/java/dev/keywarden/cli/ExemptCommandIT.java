package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.aws.AccountRuns;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.checks.ExemptionGrant;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * keywarden exempt on the emulator: grants recorded centrally with the caller, bounded, revocable.
 */
@WithEmulator
class ExemptCommandIT {
  private static final String ACCOUNT = "123456789012";

  private static String day(int daysAhead) {
    return LocalDate.now(ZoneOffset.UTC).plusDays(daysAhead).toString();
  }

  private static List<ExemptionGrant> grants(AwsEndpoint endpoint) {
    try (AwsClientFactory clients = LocalEmulator.clients(endpoint)) {
      return AccountRuns.grants(clients, Settings.defaults()).forAccount(ACCOUNT);
    }
  }

  /**
   * keywarden exempt against the emulator for svc-vendor in {@link #ACCOUNT}, with {@code options}.
   */
  private static CliRun exemptSvcVendor(AwsEndpoint endpoint, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "exempt",
                "--endpoint-url",
                endpoint.endpoint().toString(),
                "--account",
                ACCOUNT,
                "--user",
                "svc-vendor"));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void exempt_recordsTheGrantWithTheCallersArnThenRevokes(AwsEndpoint endpoint) {
    String url = endpoint.endpoint().toString();
    CliRun.of("setup", "--endpoint-url", url);

    CliRun granted =
        exemptSvcVendor(
            endpoint,
            "--until",
            day(30),
            "--reason",
            "vendor appliance, SEC-42",
            "--checks",
            "key-expired,key-rotation-due");

    assertThat(granted.exitCode()).as(granted.err()).isEqualTo(Main.OK);
    assertThat(granted.out())
        .startsWith(
            "exempted svc-vendor in "
                + ACCOUNT
                + " from key-expired key-rotation-due until "
                + day(30));
    assertThat(grants(endpoint))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.grantedBy()).startsWith("arn:aws:");
              assertThat(g.reason()).isEqualTo("vendor appliance, SEC-42");
            });

    CliRun revoked = exemptSvcVendor(endpoint, "--revoke");

    assertThat(revoked.exitCode()).as(revoked.err()).isEqualTo(Main.OK);
    assertThat(revoked.out()).startsWith("revoked the exemption of svc-vendor in " + ACCOUNT);
    assertThat(grants(endpoint)).isEmpty();
    assertThat(exemptSvcVendor(endpoint, "--revoke").exitCode()).isEqualTo(Main.BAD_INPUT);
  }

  @Test
  void exempt_whenBeyondTheCeiling_exitsTwoAndRecordsNothing(AwsEndpoint endpoint) {
    String url = endpoint.endpoint().toString();
    CliRun.of("setup", "--endpoint-url", url);

    CliRun run = exemptSvcVendor(endpoint, "--until", day(181), "--reason", "forever please");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err())
        .isEqualTo(
            "keywarden: --until: "
                + day(181)
                + " is more than max-exemption-days (180) ahead; the"
                + " latest allowed today is "
                + day(180)
                + " (grant again before it ends to extend it)\n");
    assertThat(grants(endpoint)).isEmpty();
  }
}
