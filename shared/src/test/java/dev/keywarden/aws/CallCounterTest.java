package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

class CallCounterTest {
  private static void record(CallCounter counter, String service, String operation) {
    ExecutionAttributes attributes =
        ExecutionAttributes.builder()
            .put(SdkExecutionAttribute.SERVICE_NAME, service)
            .put(SdkExecutionAttribute.OPERATION_NAME, operation)
            .build();
    counter.beforeExecution(null, attributes);
  }

  @Test
  void snapshot_whenCallsRecorded_countsByServiceAndOperationInNameOrder() {
    CallCounter counter = CallCounter.create();
    record(counter, "Sts", "GetCallerIdentity");
    record(counter, "Iam", "GetCredentialReport");
    record(counter, "Iam", "GenerateCredentialReport");
    record(counter, "Iam", "GenerateCredentialReport");

    assertThat(counter.snapshot())
        .containsExactly(
            Map.entry("Iam:GenerateCredentialReport", 2L),
            Map.entry("Iam:GetCredentialReport", 1L),
            Map.entry("Sts:GetCallerIdentity", 1L));
  }

  @Test
  void total_whenServiceNamedInAnyCase_sumsItsOperations() {
    CallCounter counter = CallCounter.create();
    record(counter, "Iam", "GetAccountSummary");
    record(counter, "Iam", "GetCredentialReport");
    record(counter, "Sts", "GetCallerIdentity");

    assertThat(counter.total("iam")).isEqualTo(2);
    assertThat(counter.total("Sts")).isEqualTo(1);
    assertThat(counter.total()).isEqualTo(3);
  }

  @Test
  void snapshot_whenModified_throws() {
    CallCounter counter = CallCounter.create();
    record(counter, "Iam", "GetAccountSummary");

    assertThatThrownBy(() -> counter.snapshot().put("Iam:Other", 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void beforeExecution_whenCalledFromManyThreads_losesNoCount() throws InterruptedException {
    CallCounter counter = CallCounter.create();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 4_000; i++) {
      pool.execute(() -> record(counter, "Iam", "GetAccountSummary"));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(counter.snapshot()).containsEntry("Iam:GetAccountSummary", 4_000L);
  }
}
