package dev.keywarden.testsupport.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The few endpoints of the Lambda Runtime API, on loopback, so that a function's deployment jar can
 * be run under the real runtime interface client and answer the events it would get in Lambda.
 *
 * <p>{@link #invoke} queues an event and waits for the function's response or error; an
 * initialisation error completes every pending and later invocation with that error.
 */
public final class RuntimeApiServer implements AutoCloseable {
  private static final String PREFIX = "/2018-06-01/runtime/";

  /** The function ARN the invocations carry, as Lambda's header would. */
  public static final String FUNCTION_ARN =
      "arn:aws:lambda:us-east-1:123456789012:function:keywarden-local";

  private final HttpServer server;
  private final ExecutorService executor;
  private final BlockingQueue<Pending> queued = new LinkedBlockingQueue<>();
  private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
  private final CompletableFuture<String> initError = new CompletableFuture<>();
  private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();

  private RuntimeApiServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** A server on an ephemeral loopback port, already accepting. */
  public static RuntimeApiServer start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "runtime-api");
                t.setDaemon(true);
                return t;
              });
      RuntimeApiServer api = new RuntimeApiServer(server, executor);
      server.createContext(PREFIX, api::handle);
      server.setExecutor(executor);
      server.start();
      return api;
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the Runtime API on loopback", e);
    }
  }

  /** The value for {@code AWS_LAMBDA_RUNTIME_API}: {@code 127.0.0.1:<port>}. */
  public String address() {
    return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  /**
   * Hands the event to the function at its next poll and waits for its answer; the function is told
   * that its timeout is the same as the wait.
   *
   * @throws IllegalStateException when no answer comes within the timeout
   */
  public Invocation invoke(String event, Duration timeout) {
    return invoke(event, timeout, timeout);
  }

  /**
   * Hands the event to the function at its next poll, with the deadline a function of this timeout
   * gets from Lambda ({@code Lambda-Runtime-Deadline-Ms}), and waits at most {@code timeout} for
   * its answer.
   *
   * @throws IllegalStateException when no answer comes within the timeout
   */
  public Invocation invoke(String event, Duration functionTimeout, Duration timeout) {
    Pending pending =
        new Pending(
            UUID.randomUUID().toString(),
            event,
            System.currentTimeMillis() + functionTimeout.toMillis());
    queued.add(pending);
    CompletableFuture<Object> either =
        CompletableFuture.anyOf(
            pending.result, initError.thenApply(e -> new Invocation(pending.requestId, false, e)));
    try {
      return (Invocation) either.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the function did not answer request " + pending.requestId + " within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while waiting for request " + pending.requestId, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("request " + pending.requestId + " failed", e.getCause());
    }
  }

  /**
   * When the function first asked for an event ({@link System#nanoTime}): the runtime client polls
   * only once the handler is constructed, so this marks the end of initialisation.
   */
  public Optional<Long> firstPollNanos() {
    return Optional.ofNullable(firstPoll.getNow(null));
  }

  /** The initialisation error the function posted, if any. */
  public Optional<String> initError() {
    return Optional.ofNullable(initError.getNow(null));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
      String method = exchange.getRequestMethod();
      if ("GET".equals(method) && "invocation/next".equals(path)) {
        next(exchange);
      } else if ("POST".equals(method) && "init/error".equals(path)) {
        initError.complete(body(exchange));
        reply(exchange, 202, "{\"status\":\"OK\"}");
      } else if ("POST".equals(method)
          && path.startsWith("invocation/")
          && (path.endsWith("/response") || path.endsWith("/error"))) {
        String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
        Pending pending = inFlight.remove(requestId);
        if (pending == null) {
          reply(exchange, 400, "{\"errorMessage\":\"unknown request id " + requestId + "\"}");
          return;
        }
        pending.result.complete(
            new Invocation(requestId, path.endsWith("/response"), body(exchange)));
        reply(exchange, 202, "{\"status\":\"OK\"}");
      } else {
        reply(
            exchange,
            404,
            "{\"errorMessage\":\"not a Runtime API endpoint: " + method + " " + path + "\"}");
      }
    }
  }

  private void next(HttpExchange exchange) throws IOException {
    firstPoll.complete(System.nanoTime());
    Pending pending;
    try {
      pending = queued.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply(exchange, 500, "{\"errorMessage\":\"the Runtime API is stopping\"}");
      return;
    }
    inFlight.put(pending.requestId, pending);
    exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", pending.requestId);
    exchange
        .getResponseHeaders()
        .add("Lambda-Runtime-Deadline-Ms", Long.toString(pending.deadlineMs));
    exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
    exchange
        .getResponseHeaders()
        .add(
            "Lambda-Runtime-Trace-Id",
            "Root=1-00000000-"
                + pending.requestId.replace("-", "").substring(0, 24)
                + ";Parent=0000000000000000;Sampled=0");
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    reply(exchange, 200, pending.event);
  }

  private static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * One invocation's outcome: the response body when {@code succeeded}, else the error document.
   *
   * @param requestId the id the function answered under
   * @param succeeded true for {@code /response}, false for {@code /error} or an initialisation
   *     error
   * @param body what the function posted
   */
  public record Invocation(String requestId, boolean succeeded, String body) {}

  private record Pending(
      String requestId, String event, long deadlineMs, CompletableFuture<Invocation> result) {
    Pending(String requestId, String event, long deadlineMs) {
      this(requestId, event, deadlineMs, new CompletableFuture<>());
    }
  }
}
