package dev.keywarden.aws;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts API calls by {@code service:operation}, so that tests and benchmarks can prove how many
 * calls an audit costs (one count per call, however many times the SDK retried it).
 */
public final class CallCounter implements ExecutionInterceptor {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  private CallCounter() {}

  public static CallCounter create() {
    return new CallCounter();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    counts.computeIfAbsent(service + ":" + operation, k -> new LongAdder()).increment();
  }

  /**
   * The counts so far, by {@code service:operation} in name order, e.g. {@code
   * Iam:GetCredentialReport}.
   */
  public SortedMap<String, Long> snapshot() {
    TreeMap<String, Long> copy = new TreeMap<>();
    counts.forEach((call, count) -> copy.put(call, count.sum()));
    return Collections.unmodifiableSortedMap(copy);
  }

  /**
   * How many calls went to one service, by the SDK's name for it in any case ({@code Iam}, {@code
   * iam}).
   */
  public long total(String service) {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().substring(0, e.getKey().indexOf(':')).equalsIgnoreCase(service))
        .mapToLong(e -> e.getValue().sum())
        .sum();
  }

  /** All calls counted so far. */
  public long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Forgets the counts, to measure one phase of a run. */
  public void reset() {
    counts.clear();
  }
}
