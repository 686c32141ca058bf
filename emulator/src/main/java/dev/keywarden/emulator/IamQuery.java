package dev.keywarden.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends raw IAM query-API calls to the emulator, for tests of the emulator itself and of its JUnit
 * extension, which have no AWS SDK to call with; the Authorization header only names the service so
 * that moto routes the call to IAM (it checks no signature by default).
 */
public final class IamQuery {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private IamQuery() {}

  /**
   * Sends {@code Action=action&parameters} (form-encoded, {@code parameters} may be empty) and
   * returns the answer.
   */
  public static HttpResponse<String> call(AwsEndpoint endpoint, String action, String parameters)
      throws IOException, InterruptedException {
    String body =
        "Action=" + action + (parameters.isEmpty() ? "" : "&" + parameters) + "&Version=2010-05-08";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint.endpoint() + "/"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential="
                    + endpoint.accessKeyId()
                    + "/20260101/"
                    + endpoint.region()
                    + "/iam/aws4_request, SignedHeaders=host, "
                    + "Signature=0")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
