package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WithEmulator
class AwsClientFactoryIT {
  private static ClientSettings keysOnly(AwsEndpoint emulator) {
    return ClientSettings.defaults()
        .withRegion(emulator.region())
        .withStaticCredentials(emulator.accessKeyId(), emulator.secretAccessKey());
  }

  private static ClientSettings endpointSettings(AwsEndpoint emulator) {
    return ClientSettings.forEndpoint(
        emulator.endpoint(), emulator.region(), emulator.accessKeyId(), emulator.secretAccessKey());
  }

  private static void withSystemProperty(String name, String value, Runnable body) {
    String before = System.getProperty(name);
    System.setProperty(name, value);
    try {
      body.run();
    } finally {
      if (before == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, before);
      }
    }
  }

  @Test
  void sts_whenEndpointInSettings_reachesTheEmulator(AwsEndpoint emulator) {
    try (AwsClientFactory clients = AwsClientFactory.create(endpointSettings(emulator))) {
      assertThat(clients.sts().getCallerIdentity().account()).matches("\\d{12}");
    }
  }

  /** {@code aws.endpointUrlIam} is the system-property twin of {@code AWS_ENDPOINT_URL_IAM}. */
  @Test
  void iam_whenServiceEndpointComesFromSdkSetting_reachesTheEmulator(AwsEndpoint emulator) {
    withSystemProperty(
        "aws.endpointUrlIam",
        emulator.endpoint().toString(),
        () -> {
          try (AwsClientFactory clients = AwsClientFactory.create(keysOnly(emulator))) {
            AccountSeeder.using(clients.iam()).createUser("via-sdk-setting", Map.of());

            assertThat(clients.iam().listUsers().users())
                .extracting(u -> u.userName())
                .containsExactly("via-sdk-setting");
          }
        });
  }

  /** {@code aws.endpointUrl} is the system-property twin of {@code AWS_ENDPOINT_URL}. */
  @Test
  void sts_whenGlobalEndpointComesFromSdkSetting_reachesTheEmulator(AwsEndpoint emulator) {
    withSystemProperty(
        "aws.endpointUrl",
        emulator.endpoint().toString(),
        () -> {
          try (AwsClientFactory clients = AwsClientFactory.create(keysOnly(emulator))) {
            assertThat(clients.sts().getCallerIdentity().account()).matches("\\d{12}");
          }
        });
  }

  @Test
  void callCounter_whenCallsMade_countsOncePerCallByServiceAndOperation(AwsEndpoint emulator) {
    CallCounter counter = CallCounter.create();
    try (AwsClientFactory clients = AwsClientFactory.create(endpointSettings(emulator), counter)) {
      clients.iam().listUsers();
      clients.iam().listUsers();
      clients.sts().getCallerIdentity();

      assertThat(counter.snapshot())
          .containsExactly(Map.entry("Iam:ListUsers", 2L), Map.entry("Sts:GetCallerIdentity", 1L));
      assertThat(counter.total("iam")).isEqualTo(2);
    }
  }

  @Test
  void callerIdentity_isAskedOncePerCredentialsAndSharedWithABorrowedView(AwsEndpoint emulator) {
    CallCounter counter = CallCounter.create();
    try (AwsClientFactory clients = AwsClientFactory.create(endpointSettings(emulator), counter)) {
      CallerIdentity first = clients.callerIdentity();
      try (AwsClientFactory view = clients.borrowed()) {
        assertThat(view.callerIdentity()).isEqualTo(first);
      }
      assertThat(clients.callerIdentity()).isEqualTo(first);
      assertThat(counter.snapshot()).containsEntry("Sts:GetCallerIdentity", 1L);

      try (AwsClientFactory other = clients.withCredentials(clients.credentialsProvider())) {
        assertThat(other.callerIdentity()).isEqualTo(first);
      }
      assertThat(counter.snapshot())
          .as("other credentials are asked about on their own")
          .containsEntry("Sts:GetCallerIdentity", 2L);
      assertThat(first.accountId()).matches("\\d{12}");
    }
  }
}
