package dev.keywarden.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client on the JDK's {@link HttpClient}, for the calls the URL-connection client
 * cannot make: {@code HttpURLConnection} has no {@code PATCH}, and Security Hub's {@code
 * BatchUpdateFindings} is {@code PATCH /findings/batchupdate}. HTTP/1.1, bodies sent with their
 * length, as the others.
 */
final class JdkHttpClient implements SdkHttpClient {
  /** Headers the JDK client sets itself and refuses to be given. */
  private static final Set<String> RESTRICTED =
      Set.of("host", "content-length", "connection", "expect", "upgrade");

  private final HttpClient client;
  private final Duration readTimeout;

  private JdkHttpClient(Duration connectTimeout, Duration readTimeout) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
  }

  static JdkHttpClient create(Duration connectTimeout, Duration readTimeout) {
    return new JdkHttpClient(connectTimeout, readTimeout);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    HttpRequest jdkRequest = toJdk(request, readTimeout);
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        HttpResponse<InputStream> response;
        try {
          response = client.send(jdkRequest, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while calling " + jdkRequest.uri());
        }
        SdkHttpResponse.Builder head = SdkHttpResponse.builder().statusCode(response.statusCode());
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
          if (!header.getKey().startsWith(":")) {
            head.putHeader(header.getKey(), header.getValue());
          }
        }
        return HttpExecuteResponse.builder()
            .response(head.build())
            .responseBody(AbortableInputStream.create(response.body()))
            .build();
      }

      @Override
      public void abort() {
        // The request is bounded by its timeout; there is nothing else to abort.
      }
    };
  }

  /**
   * The JDK's form of an SDK request: method, URI, headers (but those the JDK sets) and the whole
   * body.
   */
  static HttpRequest toJdk(HttpExecuteRequest request, Duration readTimeout) {
    SdkHttpRequest http = request.httpRequest();
    HttpRequest.Builder b = HttpRequest.newBuilder(http.getUri()).timeout(readTimeout);
    http.forEachHeader(
        (name, values) -> {
          if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
            values.forEach(value -> b.header(name, value));
          }
        });
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    if (request.contentStreamProvider().isPresent()) {
      try (InputStream in = request.contentStreamProvider().get().newStream()) {
        body = HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(
            "cannot read the body of " + http.method() + " " + http.getUri(), e);
      }
    }
    return b.method(http.method().name(), body).build();
  }

  @Override
  public String clientName() {
    return "JdkHttp";
  }

  @Override
  public void close() {
    // The JDK client's threads end when it is no longer referenced.
  }
}
