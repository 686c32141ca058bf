package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sns.SnsClient;

class AwsClientFactoryTest {
  private static final URI EMULATOR = URI.create("http://127.0.0.1:5999");

  @TempDir Path dir;

  private Supplier<ProfileFile> profileFile(String content) throws IOException {
    Path file = Files.writeString(dir.resolve("config"), content, StandardCharsets.UTF_8);
    ProfileFile profiles =
        ProfileFile.builder().content(file).type(ProfileFile.Type.CONFIGURATION).build();
    return () -> profiles;
  }

  @Test
  void resolveRegion_whenSettingsNameOne_usesItOverTheChain() {
    Region region =
        AwsClientFactory.resolveRegion(
            ClientSettings.defaults().withRegion("eu-central-1"), () -> Region.AP_SOUTH_1);

    assertThat(region).isEqualTo(Region.EU_CENTRAL_1);
  }

  @Test
  void resolveRegion_whenSettingsNameNone_usesTheChain() {
    Region region =
        AwsClientFactory.resolveRegion(ClientSettings.defaults(), () -> Region.AP_SOUTH_1);

    assertThat(region).isEqualTo(Region.AP_SOUTH_1);
  }

  @Test
  void resolveRegion_whenChainFindsNone_fallsBackToUsEast1() {
    Region region =
        AwsClientFactory.resolveRegion(
            ClientSettings.defaults(),
            () -> {
              throw SdkClientException.create("no region");
            });

    assertThat(region).isEqualTo(Region.US_EAST_1);
  }

  @Test
  void region_whenProfileNamesRegionAndEnvironmentNone_usesTheProfilesRegion() throws IOException {
    Supplier<ProfileFile> profiles = profileFile("[profile audit]\nregion = eu-west-3\n");
    Region fromChain =
        AwsClientFactory.sdkRegionChain(ClientSettings.forProfile("audit"), Optional.of(profiles))
            .getRegion();
    // The environment outranks the profile, as in the SDK's own chain.
    String fromEnvironment =
        Optional.ofNullable(System.getProperty("aws.region")).orElse(System.getenv("AWS_REGION"));
    Region expected = fromEnvironment != null ? Region.of(fromEnvironment) : Region.EU_WEST_3;

    assertThat(fromChain).isEqualTo(expected);
  }

  @Test
  void credentialsProvider_whenStaticKeys_resolvesThemWithoutNetwork() {
    AwsCredentials credentials =
        AwsClientFactory.credentialsProvider(
                ClientSettings.forEndpoint(EMULATOR, "us-east-1", "AKIDSTATIC", "static-secret"),
                Optional.empty())
            .resolveCredentials();

    assertThat(credentials.accessKeyId()).isEqualTo("AKIDSTATIC");
    assertThat(credentials.secretAccessKey()).isEqualTo("static-secret");
  }

  @Test
  void credentialsProvider_whenProfileNamed_readsTheNamedProfile() throws IOException {
    Supplier<ProfileFile> profiles =
        profileFile(
            "[profile audit]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n"
                + "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = default-secret\n");

    var provider =
        AwsClientFactory.credentialsProvider(
            ClientSettings.forProfile("audit"), Optional.of(profiles));

    assertThat(provider).isInstanceOf(ProfileCredentialsProvider.class);
    assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIDPROFILE");
  }

  @Test
  void credentialsProvider_whenStaticKeysAndProfile_prefersTheKeys() {
    var provider =
        AwsClientFactory.credentialsProvider(
            ClientSettings.forProfile("audit").withStaticCredentials("AKIDSTATIC", "s"),
            Optional.empty());

    assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKIDSTATIC");
  }

  @Test
  void credentialsProvider_whenNothingGiven_usesTheDefaultChain() {
    var provider =
        AwsClientFactory.credentialsProvider(ClientSettings.defaults(), Optional.empty());

    assertThat(provider).isInstanceOf(DefaultCredentialsProvider.class);
  }

  @Test
  void iam_whenEndpointInSettings_buildsClientWithOverrideRegionAndKeys() {
    try (AwsClientFactory factory =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(EMULATOR, "eu-west-1", "AKIDSTATIC", "s"))) {
      IamClient iam = factory.iam();

      assertThat(iam.serviceClientConfiguration().endpointOverride()).contains(EMULATOR);
      assertThat(iam.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
    }
  }

  @Test
  void iam_whenNoEndpointInSettings_leavesEndpointToTheSdk() {
    try (AwsClientFactory factory =
        AwsClientFactory.create(
            ClientSettings.defaults()
                .withRegion("us-east-1")
                .withStaticCredentials("AKIDSTATIC", "s"))) {
      assertThat(factory.iam().serviceClientConfiguration().endpointOverride()).isEmpty();
    }
  }

  @Test
  void iam_whenCalledTwice_returnsTheSameClient() {
    try (AwsClientFactory factory =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(EMULATOR, "us-east-1", "AKIDSTATIC", "s"))) {
      assertThat(factory.iam()).isSameAs(factory.iam());
      assertThat(factory.sts()).isSameAs(factory.sts());
    }
  }

  @Test
  void iam_whenBuilt_carriesTheRetryStrategyAndInterceptors() {
    CallCounter counter = CallCounter.create();
    try (AwsClientFactory factory =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(EMULATOR, "us-east-1", "AKIDSTATIC", "s"), counter)) {
      var config = factory.iam().serviceClientConfiguration().overrideConfiguration();

      assertThat(config.retryStrategy()).map(RetryStrategy::maxAttempts).contains(8);
      assertThat(config.executionInterceptors()).contains(counter);
    }
  }

  @Test
  void withCredentials_buildsItsOwnClientsSigningWithThemOnTheParentsHttpClient() {
    StaticCredentialsProvider other =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDMEMBER", "m"));
    try (AwsClientFactory parent =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(EMULATOR, "eu-west-1", "AKIDSTATIC", "s"))) {
      IamClient parentIam = parent.iam();
      SdkHttpClient shared = parent.httpClient();

      try (AwsClientFactory member = parent.withCredentials(other)) {
        assertThat(member.iam()).isNotSameAs(parentIam);
        assertThat(member.iam().serviceClientConfiguration().credentialsProvider()).isSameAs(other);
        assertThat(member.iam().serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
        assertThat(member.httpClient()).isSameAs(shared);
        try (AwsClientFactory memberOfMember = member.withCredentials(other)) {
          assertThat(memberOfMember.httpClient()).isSameAs(shared);
        }
      }

      assertThat(parent.httpClient()).as("left open by the member's close").isSameAs(shared);
      assertThat(parent.iam()).isSameAs(parentIam);
    }
  }

  @Test
  void borrowed_usesTheSameClientsAndClosingItLeavesThemOpen() {
    try (AwsClientFactory owner =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(EMULATOR, "us-east-1", "AKIDSTATIC", "s"))) {
      IamClient iam = owner.iam();

      AwsClientFactory view = owner.borrowed();
      assertThat(view.iam()).isSameAs(iam);
      SnsClient builtThroughTheView = view.sns();
      assertThat(view.credentialsProvider()).isSameAs(owner.credentialsProvider());
      view.close();

      assertThat(owner.iam()).as("not closed with the view").isSameAs(iam);
      assertThat(owner.sns()).isSameAs(builtThroughTheView);
      assertThat(owner.httpClient()).isSameAs(view.httpClient());
    }
  }

  @Test
  void retryStrategy_whenBuilt_keepsTheRequestedAttempts() {
    assertThat(AwsClientFactory.retryStrategy(5).maxAttempts()).isEqualTo(5);
  }
}
