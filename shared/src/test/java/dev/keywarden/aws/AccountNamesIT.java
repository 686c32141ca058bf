package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weekly report's account names: read without the dispatcher's "auditing it alone" path. */
@WithEmulator
class AccountNamesIT {
  private static AwsClientFactory clients(AwsEndpoint endpoint, CallCounter calls) {
    return EmulatorClients.of(endpoint, calls);
  }

  @Test
  void accountNames_whenNoOrganization_isEmptyWithoutAskingWhoTheCallerIs(AwsEndpoint endpoint) {
    CallCounter calls = CallCounter.create();
    try (AwsClientFactory clients = clients(endpoint, calls)) {
      assertThat(OrganizationGateway.create(clients).accountNames()).isEmpty();
      assertThat(calls.snapshot().keySet()).noneMatch(k -> k.endsWith(":GetCallerIdentity"));
    }
  }

  @Test
  void accountNames_whenOrganization_namesItsAccounts(AwsEndpoint endpoint) {
    try (AwsClientFactory clients = clients(endpoint, CallCounter.create())) {
      List<String> ids = EmulatedOrganization.create(clients).createAccounts("member", 2);

      assertThat(OrganizationGateway.create(clients).accountNames())
          .containsEntry(ids.get(0), "member-0")
          .containsEntry(ids.get(1), "member-1");
    }
  }
}
