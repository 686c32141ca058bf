package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

class JdkHttpClientTest {
  private static final byte[] BODY = "{\"FindingIdentifiers\":[]}".getBytes(StandardCharsets.UTF_8);

  private static HttpExecuteRequest patch() {
    SdkHttpFullRequest http =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.PATCH)
            .uri(URI.create("https://securityhub.eu-west-1.amazonaws.com/findings/batchupdate"))
            .putHeader("Host", "securityhub.eu-west-1.amazonaws.com")
            .putHeader("Content-Length", String.valueOf(BODY.length))
            .putHeader("Authorization", "AWS4-HMAC-SHA256 Credential=...")
            .putHeader("X-Amz-Date", "20261202T070000Z")
            .build();
    return HttpExecuteRequest.builder()
        .request(http)
        .contentStreamProvider(() -> new ByteArrayInputStream(BODY))
        .build();
  }

  @Test
  void toJdk_sendsAPatch_withTheSignedHeaders_andTheWholeBodyWithItsLength() {
    HttpRequest request = JdkHttpClient.toJdk(patch(), Duration.ofSeconds(7));

    assertThat(request.method()).isEqualTo("PATCH");
    assertThat(request.uri())
        .hasToString("https://securityhub.eu-west-1.amazonaws.com/findings/batchupdate");
    assertThat(request.headers().firstValue("Authorization"))
        .hasValue("AWS4-HMAC-SHA256 Credential=...");
    assertThat(request.headers().firstValue("X-Amz-Date")).hasValue("20261202T070000Z");
    assertThat(request.headers().map())
        .as("the JDK sets these itself")
        .doesNotContainKeys("Host", "Content-Length");
    assertThat(request.bodyPublisher())
        .hasValueSatisfying(b -> assertThat(b.contentLength()).isEqualTo(BODY.length));
    assertThat(request.timeout()).hasValue(Duration.ofSeconds(7));
  }

  @Test
  void toJdk_withoutABody_sendsNone() {
    SdkHttpFullRequest http =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.GET)
            .uri(URI.create("https://securityhub.eu-west-1.amazonaws.com/hub"))
            .build();

    HttpRequest request =
        JdkHttpClient.toJdk(
            HttpExecuteRequest.builder().request(http).build(), Duration.ofSeconds(1));

    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.bodyPublisher())
        .hasValueSatisfying(b -> assertThat(b.contentLength()).isZero());
  }
}
