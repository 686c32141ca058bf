package dev.keywarden.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.keywarden.faults.FaultProxy.Fault;
import dev.keywarden.faults.FaultProxy.Rule;
import dev.keywarden.faults.FaultProxy.When;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy itself, in front of a loopback server that answers 200 to everything, counts, and notes
 * how many requests it held at once.
 */
class FaultProxyTest {
  private static final String IAM_AUTH =
      "AWS4-HMAC-SHA256 Credential=testing/20261124/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0";
  private static final String DYNAMO_AUTH =
      "AWS4-HMAC-SHA256 Credential=testing/20261124/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";

  private HttpServer upstream;
  private final ExecutorService upstreamThreads = Executors.newFixedThreadPool(4);
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();

  /** When set, each request waits up there for another to arrive, up to {@link #meetWithin}. */
  private volatile CountDownLatch meeting;

  private volatile Duration meetWithin = Duration.ZERO;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeEach
  void startUpstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    upstream.createContext(
        "/",
        exchange -> {
          received.incrementAndGet();
          mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            CountDownLatch meet = meeting;
            if (meet != null) {
              meet.countDown();
              meet.await(meetWithin.toMillis(), TimeUnit.MILLISECONDS);
            }
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          } finally {
            inFlight.decrementAndGet();
          }
          exchange.getRequestBody().readAllBytes();
          byte[] body = "<ok/>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    upstream.setExecutor(upstreamThreads);
    upstream.start();
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop(0);
    upstreamThreads.shutdownNow();
  }

  private URI upstreamUri() {
    return URI.create("http://127.0.0.1:" + upstream.getAddress().getPort());
  }

  private HttpResponse<String> iam(FaultProxy proxy, String action) throws Exception {
    return client.send(
        HttpRequest.newBuilder(proxy.endpoint().resolve("/"))
            .header("Authorization", IAM_AUTH)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("Action=" + action + "&Version=2010-05-08"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> dynamo(FaultProxy proxy, String operation) throws Exception {
    return client.send(
        HttpRequest.newBuilder(proxy.endpoint().resolve("/"))
            .header("Authorization", DYNAMO_AUTH)
            .header("X-Amz-Target", "DynamoDB_20120810." + operation)
            .header("Content-Type", "application/x-amz-json-1.0")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void forward_whenNoRuleMatches_passesTheAnswerThroughAndCountsTheOperation() throws Exception {
    try (FaultProxy proxy = FaultProxy.start(upstreamUri(), 1, Duration.ZERO, List.of())) {
      HttpResponse<String> answer = iam(proxy, "UpdateAccessKey");
      dynamo(proxy, "PutItem");

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("<ok/>");
      assertThat(proxy.forwarded())
          .isEqualTo(Map.of("iam:UpdateAccessKey", 1L, "dynamodb:PutItem", 1L));
    }
  }

  /**
   * DynamoDB applies the conditional writes to one item one after another; the emulator does not,
   * so the proxy forwards them in turn. Three writes sent at once each wait up there for a second
   * that never comes while they are held.
   */
  @Test
  void forward_ofDynamoDbItemWritesSentAtOnce_holdsEachUntilThePreviousIsAnswered()
      throws Exception {
    meeting = new CountDownLatch(2);
    meetWithin = Duration.ofMillis(300);
    try (FaultProxy proxy = FaultProxy.start(upstreamUri(), 1, Duration.ZERO, List.of())) {
      List<HttpResponse<String>> answers =
          atOnce(
              () -> dynamo(proxy, "PutItem"),
              () -> dynamo(proxy, "UpdateItem"),
              () -> dynamo(proxy, "DeleteItem"));

      assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
      assertThat(mostInFlight).as("writes with the emulator at once").hasValue(1);
      assertThat(received).hasValue(3);
    }
  }

  /** Reads, and the calls of other services, still overlap: only item writes wait their turn. */
  @Test
  void forward_ofReadsSentAtOnce_letsThemReachTheUpstreamTogether() throws Exception {
    meeting = new CountDownLatch(2);
    meetWithin = Duration.ofSeconds(10);
    try (FaultProxy proxy = FaultProxy.start(upstreamUri(), 1, Duration.ZERO, List.of())) {
      List<HttpResponse<String>> answers =
          atOnce(() -> dynamo(proxy, "GetItem"), () -> iam(proxy, "UpdateAccessKey"));

      assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
      assertThat(mostInFlight).as("requests with the upstream at once").hasValue(2);
    }
  }

  @SafeVarargs
  private static List<HttpResponse<String>> atOnce(Callable<HttpResponse<String>>... calls)
      throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(calls.length);
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (Callable<HttpResponse<String>> call : calls) {
        sent.add(senders.submit(call));
      }
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : sent) {
        answers.add(answer.get(30, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      senders.shutdownNow();
    }
  }

  @Test
  void throttle_onAQueryProtocolCall_answersTheIamThrottlingErrorWithoutForwarding()
      throws Exception {
    try (FaultProxy proxy =
        FaultProxy.start(
            upstreamUri(),
            1,
            Duration.ZERO,
            List.of(Rule.everyCall(Fault.THROTTLE, When.BEFORE_FORWARDING, 1.0)))) {
      HttpResponse<String> answer = iam(proxy, "ListUsers");

      assertThat(answer.statusCode()).isEqualTo(400);
      assertThat(answer.body())
          .contains("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>")
          .contains("<RequestId>");
      assertThat(received).hasValue(0);
      assertThat(proxy.injected()).containsEntry("iam:ListUsers THROTTLE BEFORE_FORWARDING", 1L);
    }
  }

  @Test
  void throttle_onADynamoDbCall_answersItsJsonThrottlingException() throws Exception {
    try (FaultProxy proxy =
        FaultProxy.start(
            upstreamUri(),
            1,
            Duration.ZERO,
            List.of(
                Rule.on(Set.of("dynamodb:Query"), Fault.THROTTLE, When.BEFORE_FORWARDING, 1.0)))) {
      HttpResponse<String> throttled = dynamo(proxy, "Query");
      HttpResponse<String> other = dynamo(proxy, "GetItem");

      assertThat(throttled.statusCode()).isEqualTo(400);
      assertThat(throttled.body())
          .contains("\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\"");
      assertThat(other.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void reset_afterForwarding_letsTheUpstreamApplyItAndDropsTheAnswer() throws Exception {
    try (FaultProxy proxy =
        FaultProxy.start(
            upstreamUri(),
            1,
            Duration.ZERO,
            List.of(Rule.everyCall(Fault.RESET, When.AFTER_FORWARDING, 1.0)))) {
      assertThatThrownBy(() -> iam(proxy, "UpdateAccessKey")).isInstanceOf(IOException.class);

      assertThat(received).hasValue(1);
      assertThat(proxy.forwarded()).containsEntry("iam:UpdateAccessKey", 1L);
    }
  }

  @Test
  void serverError_beforeForwarding_answers500And503() throws Exception {
    try (FaultProxy p500 =
            FaultProxy.start(
                upstreamUri(),
                1,
                Duration.ZERO,
                List.of(Rule.everyCall(Fault.SERVER_ERROR, When.BEFORE_FORWARDING, 1.0)));
        FaultProxy p503 =
            FaultProxy.start(
                upstreamUri(),
                1,
                Duration.ZERO,
                List.of(Rule.everyCall(Fault.UNAVAILABLE, When.BEFORE_FORWARDING, 1.0)))) {
      assertThat(iam(p500, "ListUsers").statusCode()).isEqualTo(500);
      assertThat(iam(p503, "ListUsers").statusCode()).isEqualTo(503);
      assertThat(received).hasValue(0);
    }
  }

  @Test
  void start_withTheSameSeed_injectsTheSameFaultsInTheSameOrder() throws Exception {
    assertThat(statuses(42)).isEqualTo(statuses(42)).contains(200, 400);
  }

  private List<Integer> statuses(long seed) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    try (FaultProxy proxy =
        FaultProxy.start(
            upstreamUri(),
            seed,
            Duration.ZERO,
            List.of(Rule.everyCall(Fault.THROTTLE, When.BEFORE_FORWARDING, 0.5)))) {
      for (int i = 0; i < 30; i++) {
        statuses.add(iam(proxy, "ListUsers").statusCode());
      }
    }
    return statuses;
  }

  @Test
  void start_whenUpstreamIsNotLoopback_refuses() {
    assertThatThrownBy(
            () ->
                FaultProxy.start(URI.create("http://192.0.2.1:5000"), 1, Duration.ZERO, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }

  @Test
  void rule_whenRateIsOutOfRange_refuses() {
    assertThatThrownBy(() -> Rule.everyCall(Fault.THROTTLE, When.BEFORE_FORWARDING, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
  }
}
