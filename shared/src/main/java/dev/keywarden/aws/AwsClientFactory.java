package dev.keywarden.aws;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The one place that builds AWS clients, so that the HTTP client, retry strategy, region, endpoint
 * and credentials are decided once per process and every client is built once and reused.
 *
 * <p>Adding a service is one accessor: {@code public SqsClient sqs() { return
 * client(SqsClient.class, SqsClient::builder); }}. Closing the factory closes every client it built
 * and the HTTP client.
 */
public final class AwsClientFactory implements AutoCloseable {
  /** IAM is global; when nothing names a region, its home region serves. */
  static final Region FALLBACK_REGION = Region.US_EAST_1;

  /** First retry of an ordinary transient error (5xx, I/O) waits up to this long. */
  static final Duration BASE_DELAY = Duration.ofMillis(200);

  /**
   * First retry after a throttling error waits up to this long: IAM's rate limits recover slowly.
   */
  static final Duration THROTTLING_BASE_DELAY = Duration.ofSeconds(1);

  /** No single retry waits longer than this. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

  private final ClientSettings settings;
  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final Optional<Supplier<ProfileFile>> profileFile;
  private final List<ExecutionInterceptor> interceptors;
  private SdkHttpClient httpClient;
  private final Duration baseDelay;
  private final Duration throttlingBaseDelay;
  private final Map<Class<?>, SdkClient> clients;

  /**
   * The factory whose HTTP client this one's clients use and leave open, or {@code null} when this
   * factory builds and closes its own.
   */
  private final AwsClientFactory httpClientOwner;

  /** Whether {@link #close} closes the clients, which a {@link #borrowed} view leaves open. */
  private final boolean closesClients;

  /**
   * Who this factory's credentials are, once STS has said: one question per set of credentials,
   * shared with a {@link #borrowed} view.
   */
  private final CallerMemo caller;

  private AwsClientFactory(
      ClientSettings settings,
      List<ExecutionInterceptor> interceptors,
      Optional<Supplier<ProfileFile>> profileFile,
      Optional<AwsCredentialsProvider> givenCredentials) {
    this(settings, interceptors, profileFile, givenCredentials, BASE_DELAY, THROTTLING_BASE_DELAY);
  }

  private AwsClientFactory(
      ClientSettings settings,
      List<ExecutionInterceptor> interceptors,
      Optional<Supplier<ProfileFile>> profileFile,
      Optional<AwsCredentialsProvider> givenCredentials,
      Duration baseDelay,
      Duration throttlingBaseDelay) {
    this.clients = new ConcurrentHashMap<>();
    this.httpClientOwner = null;
    this.closesClients = true;
    this.caller = new CallerMemo();
    this.baseDelay = Objects.requireNonNull(baseDelay, "baseDelay");
    this.throttlingBaseDelay = Objects.requireNonNull(throttlingBaseDelay, "throttlingBaseDelay");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.interceptors = List.copyOf(interceptors);
    this.profileFile = profileFile;
    if (givenCredentials.isEmpty() && settings.staticCredentials().isEmpty()) {
      settings.profile().ifPresent(name -> requireProfile(name, profileFile));
    }
    this.region = resolveRegion(settings, sdkRegionChain(settings, profileFile));
    this.credentials = givenCredentials.orElseGet(() -> credentialsProvider(settings, profileFile));
  }

  /**
   * A factory derived from {@code parent}: its settings, interceptors and retry delays, on its HTTP
   * client (which this one leaves open), signing with {@code credentials}, holding {@code clients}
   * and knowing its caller through {@code caller}.
   */
  private AwsClientFactory(
      AwsClientFactory parent,
      AwsCredentialsProvider credentials,
      Map<Class<?>, SdkClient> clients,
      boolean closesClients,
      CallerMemo caller) {
    this.settings = parent.settings;
    this.region = parent.region;
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.profileFile = parent.profileFile;
    this.interceptors = parent.interceptors;
    this.baseDelay = parent.baseDelay;
    this.throttlingBaseDelay = parent.throttlingBaseDelay;
    this.clients = clients;
    this.httpClientOwner = parent.httpClientOwner == null ? parent : parent.httpClientOwner;
    this.closesClients = closesClients;
    this.caller = caller;
  }

  /** A factory for the settings; clients are built on first use. */
  public static AwsClientFactory create(
      ClientSettings settings, ExecutionInterceptor... interceptors) {
    return new AwsClientFactory(
        settings, List.of(interceptors), Optional.empty(), Optional.empty());
  }

  /**
   * A factory whose clients sign with the given credentials instead of those the settings name (an
   * assumed role's, for instance); everything else comes from the settings. Closing the factory
   * closes the provider when it can be closed.
   */
  public static AwsClientFactory create(
      ClientSettings settings,
      AwsCredentialsProvider credentials,
      ExecutionInterceptor... interceptors) {
    return new AwsClientFactory(
        settings,
        List.of(interceptors),
        Optional.empty(),
        Optional.of(Objects.requireNonNull(credentials, "credentials")));
  }

  /**
   * As {@link #create}, reading profiles from the given file instead of {@code ~/.aws}; for tests.
   */
  static AwsClientFactory create(
      ClientSettings settings,
      Supplier<ProfileFile> profileFile,
      ExecutionInterceptor... interceptors) {
    return new AwsClientFactory(
        settings, List.of(interceptors), Optional.of(profileFile), Optional.empty());
  }

  /**
   * As {@link #create}, with shorter first backoff delays; for tests that inject failures by the
   * hundred and cannot wait for production's delays. Production code never calls it.
   */
  static AwsClientFactory createWithBackoff(
      ClientSettings settings,
      Duration baseDelay,
      Duration throttlingBaseDelay,
      ExecutionInterceptor... interceptors) {
    return new AwsClientFactory(
        settings,
        List.of(interceptors),
        Optional.empty(),
        Optional.empty(),
        baseDelay,
        throttlingBaseDelay);
  }

  public IamClient iam() {
    return client(IamClient.class, IamClient::builder);
  }

  public StsClient sts() {
    return client(StsClient.class, StsClient::builder);
  }

  public DynamoDbClient dynamoDb() {
    return client(DynamoDbClient.class, DynamoDbClient::builder);
  }

  public SnsClient sns() {
    return client(SnsClient.class, SnsClient::builder);
  }

  /**
   * Secrets Manager, for assisted rotation's new keys (the member account's, through its clients).
   */
  public SecretsManagerClient secretsManager() {
    return client(SecretsManagerClient.class, SecretsManagerClient::builder);
  }

  public SqsClient sqs() {
    return client(SqsClient.class, SqsClient::builder);
  }

  /**
   * Security Hub, over the JDK's HTTP client: its {@code BatchUpdateFindings} is a {@code PATCH},
   * which the URL-connection client the others use cannot send.
   */
  public SecurityHubClient securityHub() {
    return SecurityHubClient.class.cast(
        clients.computeIfAbsent(
            SecurityHubClient.class,
            t ->
                configure(SecurityHubClient.builder())
                    .httpClient(
                        JdkHttpClient.create(settings.connectTimeout(), settings.readTimeout()))
                    .build()));
  }

  /**
   * S3, with path-style addressing when an endpoint override (an emulator) is set, in the settings
   * or through the SDK's own {@code AWS_ENDPOINT_URL} / {@code aws.endpointUrl}.
   */
  public S3Client s3() {
    boolean overridden =
        settings.endpoint().isPresent()
            || System.getProperty("aws.endpointUrl") != null
            || System.getenv("AWS_ENDPOINT_URL") != null;
    return client(S3Client.class, () -> S3Client.builder().forcePathStyle(overridden));
  }

  /** IAM Access Analyzer, regional: it answers for the region every client calls. */
  public AccessAnalyzerClient accessAnalyzer() {
    return client(AccessAnalyzerClient.class, AccessAnalyzerClient::builder);
  }

  public OrganizationsClient organizations() {
    return client(OrganizationsClient.class, OrganizationsClient::builder);
  }

  /**
   * The HTTP client every client but Security Hub's shares, in this factory and every factory
   * derived from it ({@link #withCredentials}, {@link #borrowed}), built on first use: its TLS
   * context (the JDK's trusted certificates) is the costliest part of building a client, and {@link
   * #warmUp} builds it off the caller's thread.
   */
  SdkHttpClient httpClient() {
    return (httpClientOwner == null ? this : httpClientOwner).ownHttpClient();
  }

  private synchronized SdkHttpClient ownHttpClient() {
    if (httpClient == null) {
      httpClient =
          UrlConnectionHttpClient.builder()
              .connectionTimeout(settings.connectTimeout())
              .socketTimeout(settings.readTimeout())
              .build();
    }
    return httpClient;
  }

  /**
   * Builds the given clients, in order, on a background daemon thread, and returns at once: a
   * function's cold start then builds them (the SDK's classes loaded, endpoint rules, marshallers,
   * the TLS context) while its own thread finishes initialising and reads its first event. A client
   * asked for while it is being built waits for that build; one whose build fails here is built
   * again, and fails for real, where it is first used.
   */
  @SafeVarargs
  public final void warmUp(Consumer<AwsClientFactory>... builds) {
    List<Consumer<AwsClientFactory>> order = List.of(builds);
    Thread thread =
        new Thread(
            () -> {
              try {
                httpClient();
                order.forEach(build -> build.accept(this));
              } catch (RuntimeException e) {
                // Built again where it is used, which then reports the failure.
              }
            },
            "keywarden-client-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Who the credentials are (account and ARN), asked of STS on first use and remembered: the
   * function, the member clients and the inventory reader of the caller's own account all need it,
   * and it cannot change for one set of credentials. A failed question is asked again next time.
   *
   * @throws dev.keywarden.KeywardenException when STS cannot say, naming why
   */
  public CallerIdentity callerIdentity() {
    return caller.get(this);
  }

  /**
   * The caller's identity once known; a second thread asking while STS is being asked waits for
   * that answer rather than asking again.
   */
  private static final class CallerMemo {
    private CallerIdentity known;

    synchronized CallerIdentity get(AwsClientFactory clients) {
      if (known == null) {
        known = CallerIdentity.of(clients.sts());
      }
      return known;
    }
  }

  /** The region every client calls. */
  public Region region() {
    return region;
  }

  public ClientSettings settings() {
    return settings;
  }

  AwsCredentialsProvider credentialsProvider() {
    return credentials;
  }

  /**
   * A factory like this one (settings, interceptors, retry delays) whose clients sign with other
   * credentials, such as a member account's assumed role. Its clients are its own and share this
   * factory's HTTP client (its connection pool and TLS context, the costliest part of a client to
   * build), which closing it leaves open; closing it closes its clients, and the provider when it
   * can be closed.
   */
  AwsClientFactory withCredentials(AwsCredentialsProvider otherCredentials) {
    return new AwsClientFactory(
        this, otherCredentials, new ConcurrentHashMap<>(), true, new CallerMemo());
  }

  /**
   * This factory's own clients, under a factory whose {@link #close} leaves them (and the
   * credentials) open: for the account the caller is in, whose run then uses the clients built, and
   * warmed up, at start.
   */
  AwsClientFactory borrowed() {
    return new AwsClientFactory(this, credentials, clients, false, caller);
  }

  private <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>>
      C client(Class<C> type, Supplier<B> builder) {
    return type.cast(clients.computeIfAbsent(type, t -> configure(builder.get()).build()));
  }

  private <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>>
      B configure(B builder) {
    builder
        .httpClient(httpClient())
        .region(region)
        .credentialsProvider(credentials)
        .overrideConfiguration(
            o -> {
              o.retryStrategy(
                  retryStrategy(settings.maxAttempts(), baseDelay, throttlingBaseDelay));
              o.apiCallAttemptTimeout(settings.attemptTimeout());
              o.apiCallTimeout(settings.callTimeout());
              interceptors.forEach(o::addExecutionInterceptor);
              settings.profile().ifPresent(o::defaultProfileName);
              profileFile.ifPresent(o::defaultProfileFileSupplier);
            });
    settings.endpoint().ifPresent(builder::endpointOverride);
    return builder;
  }

  /**
   * The SDK's standard strategy (its AWS retry conditions and throttling detection included) with
   * more attempts, full-jitter exponential backoff, and a longer base delay after throttling.
   */
  static RetryStrategy retryStrategy(int maxAttempts) {
    return retryStrategy(maxAttempts, BASE_DELAY, THROTTLING_BASE_DELAY);
  }

  private static RetryStrategy retryStrategy(
      int maxAttempts, Duration baseDelay, Duration throttlingBaseDelay) {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(maxAttempts)
        .backoffStrategy(BackoffStrategy.exponentialDelay(baseDelay, MAX_BACKOFF))
        .throttlingBackoffStrategy(
            BackoffStrategy.exponentialDelay(throttlingBaseDelay, MAX_BACKOFF))
        .build();
  }

  /**
   * The settings' region, else what the chain finds, else {@link #FALLBACK_REGION}.
   *
   * @param sdkChain the SDK's region lookup; it throws {@link SdkClientException} when it finds
   *     none
   */
  static Region resolveRegion(ClientSettings settings, AwsRegionProvider sdkChain) {
    if (settings.region().isPresent()) {
      return Region.of(settings.region().get());
    }
    try {
      return sdkChain.getRegion();
    } catch (SdkClientException noRegion) {
      return FALLBACK_REGION;
    }
  }

  /**
   * {@code aws.region} / {@code AWS_REGION}, then the profile's {@code region}. Unlike the SDK's
   * default chain it never asks the instance metadata service: a laptop would wait for it to time
   * out, and IAM does not need it.
   */
  static AwsRegionProvider sdkRegionChain(
      ClientSettings settings, Optional<Supplier<ProfileFile>> profileFile) {
    String name =
        settings.profile().orElseGet(ProfileFileSystemSetting.AWS_PROFILE::getStringValueOrThrow);
    return new AwsRegionProviderChain(
        new SystemSettingsRegionProvider(),
        new AwsProfileRegionProvider(profileFile.orElse(ProfileFile::defaultProfileFile), name));
  }

  /**
   * Refuses a named profile that neither {@code ~/.aws/config} nor {@code ~/.aws/credentials} (or
   * the files {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE} name) holds: a bad
   * flag, not an AWS failure.
   */
  static void requireProfile(String name, Optional<Supplier<ProfileFile>> profileFile) {
    ProfileFile profiles;
    try {
      profiles = profileFile.orElse(ProfileFile::defaultProfileFile).get();
    } catch (RuntimeException unreadable) {
      throw new dev.keywarden.InvalidInputException(
          "--profile "
              + name
              + ": the AWS config files cannot be read ("
              + unreadable.getMessage()
              + ")");
    }
    if (profiles.profile(name).isEmpty()) {
      java.util.Set<String> known = new java.util.TreeSet<>(profiles.profiles().keySet());
      throw new dev.keywarden.InvalidInputException(
          "--profile "
              + name
              + " is not in ~/.aws/config or ~/.aws/credentials ("
              + (known.isEmpty()
                  ? "no profiles there"
                  : "profiles there: " + String.join(", ", known))
              + "); create it with 'aws configure sso --profile "
              + name
              + "' or 'aws configure --profile "
              + name
              + "'");
    }
  }

  /**
   * Static keys, else the named profile, else the SDK's default chain (environment, profile, role).
   */
  static AwsCredentialsProvider credentialsProvider(
      ClientSettings settings, Optional<Supplier<ProfileFile>> profileFile) {
    if (settings.staticCredentials().isPresent()) {
      ClientSettings.StaticCredentials keys = settings.staticCredentials().get();
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
    }
    if (settings.profile().isPresent()) {
      ProfileCredentialsProvider.Builder profile =
          ProfileCredentialsProvider.builder().profileName(settings.profile().get());
      profileFile.ifPresent(profile::profileFile);
      return profile.build();
    }
    return DefaultCredentialsProvider.builder().build();
  }

  @Override
  public void close() {
    if (!closesClients) {
      return;
    }
    clients.values().forEach(SdkClient::close);
    clients.clear();
    synchronized (this) {
      if (httpClient != null) {
        httpClient.close();
        httpClient = null;
      }
    }
    if (credentials instanceof SdkAutoCloseable closeable) {
      closeable.close();
    }
  }
}
