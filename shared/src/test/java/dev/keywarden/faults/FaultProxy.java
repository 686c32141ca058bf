package dev.keywarden.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP proxy in front of the emulator that makes AWS misbehave on purpose (throttling,
 * server errors, dropped connections, slow answers), reproducibly from a seed, so that tests can
 * show a run loses nothing and repeats nothing when calls fail.
 *
 * <p>An operation is named {@code service:Action}, for example {@code iam:UpdateAccessKey} or
 * {@code dynamodb:PutItem}: the service comes from the signature's credential scope, the action
 * from the {@code Action=} form parameter (query protocol: IAM, STS, SNS) or the {@code
 * X-Amz-Target} header (JSON protocol: DynamoDB, SQS); REST services (S3, Security Hub) are named
 * by method and path, such as {@code securityhub:POST /findings/import}.
 *
 * <p>The proxy forwards DynamoDB's item writes one at a time. DynamoDB applies conditional writes
 * to an item one after another, so two runs racing for one lease can never both win; the emulator
 * checks a write's condition and then applies it without a lock, on one thread per request, so two
 * writes arriving in the same instant can both pass their condition there. Serialising them here
 * gives the emulator DynamoDB's guarantee and leaves every other call free to overlap.
 */
public final class FaultProxy implements AutoCloseable {
  /** What goes wrong. */
  public enum Fault {
    /** HTTP 400 with the service's throttling error. */
    THROTTLE,
    /** HTTP 500 InternalFailure. */
    SERVER_ERROR,
    /** HTTP 503 ServiceUnavailable. */
    UNAVAILABLE,
    /** The connection is closed without any response. */
    RESET,
    /** The answer comes, late. */
    SLOW
  }

  /** When it goes wrong: before the emulator sees the request, or after it has applied it. */
  public enum When {
    BEFORE_FORWARDING,
    AFTER_FORWARDING
  }

  /**
   * One way to fail, for the operations it matches, at a rate.
   *
   * @param operations which {@code service:Action} names it applies to
   * @param fault what goes wrong
   * @param when before or after the emulator applies the request
   * @param rate the share of matching requests it hits, from 0 to 1
   */
  public record Rule(Predicate<String> operations, Fault fault, When when, double rate) {
    public Rule {
      Objects.requireNonNull(operations, "operations");
      Objects.requireNonNull(fault, "fault");
      Objects.requireNonNull(when, "when");
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException("rate must be between 0 and 1, was " + rate);
      }
    }

    /** A rule for every operation. */
    public static Rule everyCall(Fault fault, When when, double rate) {
      return new Rule(op -> true, fault, when, rate);
    }

    /** A rule for the named operations only, such as {@code iam:UpdateAccessKey}. */
    public static Rule on(Set<String> operations, Fault fault, When when, double rate) {
      Set<String> names = Set.copyOf(operations);
      return new Rule(names::contains, fault, when, rate);
    }

    /**
     * Faults that never reach the emulator, on every call: a fifth throttled, one in forty each
     * answered with a server error and as unavailable.
     */
    public static List<Rule> failingBeforeForwarding() {
      return List.of(
          everyCall(Fault.THROTTLE, When.BEFORE_FORWARDING, 0.20),
          everyCall(Fault.SERVER_ERROR, When.BEFORE_FORWARDING, 0.025),
          everyCall(Fault.UNAVAILABLE, When.BEFORE_FORWARDING, 0.025));
    }

    /**
     * Answers lost after the emulator applied one of {@code writes} (a tenth reset, a tenth a
     * server error), with a tenth of every call throttled and a twentieth slowed.
     */
    public static List<Rule> writesLostAfterForwarding(Set<String> writes) {
      return List.of(
          on(writes, Fault.RESET, When.AFTER_FORWARDING, 0.10),
          on(writes, Fault.SERVER_ERROR, When.AFTER_FORWARDING, 0.10),
          everyCall(Fault.THROTTLE, When.BEFORE_FORWARDING, 0.10),
          everyCall(Fault.SLOW, When.BEFORE_FORWARDING, 0.05));
    }
  }

  /** Requests beyond this are refused outright: a runaway retry loop must end. */
  static final long MAX_REQUESTS = 20_000;

  /** The DynamoDB writes whose condition DynamoDB checks and applies as one step. */
  static final Set<String> ITEM_WRITES =
      Set.of(
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:TransactWriteItems");

  private static final Set<String> UNFORWARDED_HEADERS =
      Set.of(
          "host",
          "connection",
          "content-length",
          "expect",
          "upgrade",
          "transfer-encoding",
          "keep-alive");
  private static final Pattern SCOPE =
      Pattern.compile("Credential=[^/]+/\\d{8}/[^/]+/([^/]+)/aws4_request");

  private final URI upstream;
  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient forwarder;
  private final Random random;
  private final Duration slowDelay;
  private final AtomicBoolean enabled = new AtomicBoolean(true);
  private final AtomicLong requests = new AtomicLong();
  private final ReentrantLock itemWrites = new ReentrantLock(true);
  private final Map<String, AtomicLong> forwarded = new TreeMap<>();
  private final Map<String, AtomicLong> injected = new TreeMap<>();
  private volatile List<Rule> rules;

  private FaultProxy(URI upstream, List<Rule> rules, long seed, Duration slowDelay)
      throws IOException {
    if (!InetAddress.getByName(upstream.getHost()).isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "the proxy only forwards to a loopback emulator, not " + upstream);
    }
    this.upstream = upstream;
    this.rules = List.copyOf(rules);
    this.random = new Random(seed);
    this.slowDelay = slowDelay;
    this.executor = Executors.newFixedThreadPool(4);
    this.forwarder =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts a proxy to the emulator at {@code upstream}.
   *
   * @param seed decides which requests fail, so a run can be repeated exactly
   * @param slowDelay how long a {@link Fault#SLOW} answer is held back
   */
  public static FaultProxy start(URI upstream, long seed, Duration slowDelay, List<Rule> rules)
      throws IOException {
    return new FaultProxy(upstream, rules, seed, slowDelay);
  }

  /** The address to give clients as their endpoint. */
  public URI endpoint() {
    return URI.create(
        "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
  }

  /** Replaces the rules; an empty list makes the proxy transparent. */
  public void rules(List<Rule> newRules) {
    rules = List.copyOf(newRules);
  }

  /** Turns fault injection on or off without forgetting the rules. */
  public void enabled(boolean on) {
    enabled.set(on);
  }

  /** How many requests of each operation reached the emulator. */
  public synchronized Map<String, Long> forwarded() {
    return snapshot(forwarded);
  }

  /** How many faults were injected, keyed {@code operation FAULT WHEN}. */
  public synchronized Map<String, Long> injected() {
    return snapshot(injected);
  }

  /** The total of faults injected. */
  public synchronized long injectedTotal() {
    return injected.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /**
   * How many calls of {@code operation} (such as {@code sns:Publish}) had their answer lost after
   * the emulator applied them, which the SDK then sent again.
   */
  public synchronized long lostAnswers(String operation) {
    return injected().entrySet().stream()
        .filter(
            e ->
                e.getKey().startsWith(operation + " ")
                    && e.getKey().endsWith(When.AFTER_FORWARDING.name()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Forgets the counters (not the seed's position). */
  public synchronized void resetCounters() {
    forwarded.clear();
    injected.clear();
  }

  private static Map<String, Long> snapshot(Map<String, AtomicLong> counters) {
    Map<String, Long> copy = new TreeMap<>();
    counters.forEach((k, v) -> copy.put(k, v.get()));
    return Map.copyOf(copy);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String operation = operation(exchange, body);
      if (requests.incrementAndGet() > MAX_REQUESTS) {
        respond(
            exchange,
            503,
            "text/plain",
            "fault proxy request limit reached".getBytes(StandardCharsets.UTF_8));
        return;
      }
      Rule rule = draw(operation);
      if (rule != null && rule.when() == When.BEFORE_FORWARDING) {
        count(injected, operation + " " + rule.fault() + " " + rule.when());
        if (rule.fault() != Fault.SLOW) {
          fail(exchange, rule.fault(), operation);
          return;
        }
        sleep();
      }
      HttpResponse<byte[]> answer = forwardInTurn(operation, exchange, body);
      count(forwarded, operation);
      if (rule != null && rule.when() == When.AFTER_FORWARDING) {
        count(injected, operation + " " + rule.fault() + " " + rule.when());
        if (rule.fault() != Fault.SLOW) {
          fail(exchange, rule.fault(), operation);
          return;
        }
        sleep();
      }
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!UNFORWARDED_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                    && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      exchange.sendResponseHeaders(
          answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
      if (answer.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized Rule draw(String operation) {
    if (!enabled.get()) {
      return null;
    }
    double r = random.nextDouble();
    double cumulative = 0;
    for (Rule rule : rules) {
      if (rule.operations().test(operation)) {
        cumulative += rule.rate();
        if (r < cumulative) {
          return rule;
        }
      }
    }
    return null;
  }

  private synchronized void count(Map<String, AtomicLong> counters, String key) {
    counters.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  private void sleep() throws InterruptedException {
    Thread.sleep(slowDelay.toMillis());
  }

  /** Forwards the request, an item write only once no other is with the emulator. */
  private HttpResponse<byte[]> forwardInTurn(String operation, HttpExchange exchange, byte[] body)
      throws IOException, InterruptedException {
    if (!ITEM_WRITES.contains(operation)) {
      return forward(exchange, body);
    }
    itemWrites.lockInterruptibly();
    try {
      return forward(exchange, body);
    } finally {
      itemWrites.unlock();
    }
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body)
      throws IOException, InterruptedException {
    URI target = upstream.resolve(exchange.getRequestURI().toString());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(30))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!UNFORWARDED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
              }
            });
    return forwarder.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private void fail(HttpExchange exchange, Fault fault, String operation) throws IOException {
    boolean json = exchange.getRequestHeaders().containsKey("X-Amz-Target");
    boolean s3 = operation.startsWith("s3:");
    // IAM Access Analyzer speaks REST-JSON: the error type travels in the x-amzn-ErrorType header.
    boolean restJson = operation.startsWith("access-analyzer:");
    switch (fault) {
      case RESET -> {
        // Closing the exchange before any header is sent drops the connection with no response.
      }
      case THROTTLE -> {
        if (operation.startsWith("securityhub:")) {
          // REST-JSON: the error type travels in a header, as Security Hub sends it.
          exchange.getResponseHeaders().set("x-amzn-ErrorType", "TooManyRequestsException");
          respond(
              exchange,
              429,
              "application/json",
              "{\"message\":\"Rate exceeded\"}".getBytes(StandardCharsets.UTF_8));
        } else if (s3) {
          respond(
              exchange,
              503,
              "application/xml",
              s3Error("SlowDown", "Please reduce your request rate."));
        } else if (restJson) {
          restJsonError(exchange, 429, "ThrottlingException", "Rate exceeded");
        } else if (json) {
          String service = operation.startsWith("dynamodb:") ? "dynamodb.v20120810" : "sqs";
          respond(
              exchange,
              400,
              "application/x-amz-json-1.0",
              ("{\"__type\":\"com.amazonaws."
                      + service
                      + "#ThrottlingException\",\"message\":\"Rate exceeded\"}")
                  .getBytes(StandardCharsets.UTF_8));
        } else {
          respond(exchange, 400, "text/xml", queryError("Sender", "Throttling", "Rate exceeded"));
        }
      }
      case SERVER_ERROR -> {
        if (s3) {
          respond(
              exchange,
              500,
              "application/xml",
              s3Error("InternalError", "We encountered an internal error."));
        } else if (restJson) {
          restJsonError(
              exchange, 500, "InternalServerException", "We encountered an internal error");
        } else {
          serverError(exchange, json, 500, "InternalFailure", "We encountered an internal error");
        }
      }
      case UNAVAILABLE -> {
        if (s3) {
          respond(
              exchange,
              503,
              "application/xml",
              s3Error("ServiceUnavailable", "Service is unavailable."));
        } else if (restJson) {
          restJsonError(exchange, 503, "ServiceUnavailableException", "Service is unavailable");
        } else {
          serverError(exchange, json, 503, "ServiceUnavailable", "Service is unavailable");
        }
      }
      case SLOW -> throw new IllegalStateException("a slow answer is not a failure");
    }
  }

  private void serverError(
      HttpExchange exchange, boolean json, int status, String code, String message)
      throws IOException {
    if (json) {
      respond(
          exchange,
          status,
          "application/x-amz-json-1.0",
          ("{\"__type\":\"com.amazonaws.service#" + code + "\",\"message\":\"" + message + "\"}")
              .getBytes(StandardCharsets.UTF_8));
    } else {
      respond(exchange, status, "text/xml", queryError("Receiver", code, message));
    }
  }

  private static byte[] queryError(String type, String code, String message) {
    return ("<ErrorResponse><Error><Type>"
            + type
            + "</Type><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message></Error><RequestId>fault-proxy-"
            + System.nanoTime()
            + "</RequestId></ErrorResponse>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** S3 speaks REST XML: a bare {@code <Error>}, and throttling is 503 {@code SlowDown}. */
  private static byte[] s3Error(String code, String message) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
            + code
            + "</Code><Message>"
            + message
            + "</Message><RequestId>fault-proxy-"
            + System.nanoTime()
            + "</RequestId></Error>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void restJsonError(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
    respond(
        exchange,
        status,
        "application/json",
        ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * {@code service:Action} for a request, or {@code unknown:METHOD path} when neither names one.
   */
  static String operation(HttpExchange exchange, byte[] body) {
    String service = "unknown";
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null) {
      Matcher scope = SCOPE.matcher(authorization);
      if (scope.find()) {
        service = scope.group(1);
      }
    }
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (target != null) {
      return service + ":" + target.substring(target.indexOf('.') + 1);
    }
    String action = formParameter(new String(body, StandardCharsets.UTF_8), "Action");
    if (action == null && exchange.getRequestURI().getRawQuery() != null) {
      action = formParameter(exchange.getRequestURI().getRawQuery(), "Action");
    }
    return action != null
        ? service + ":" + action
        : service + ":" + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
  }

  static String formParameter(String form, String name) {
    for (String pair : form.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The rules in force, for messages. */
  public List<Rule> rules() {
    return new ArrayList<>(rules);
  }
}
