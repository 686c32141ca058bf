package dev.keywarden.aws;

import dev.keywarden.inventory.Reading;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.AnalyzerStatus;
import software.amazon.awssdk.services.accessanalyzer.model.AnalyzerSummary;
import software.amazon.awssdk.services.accessanalyzer.model.Type;

/**
 * Whether an active external-access analyzer (of the account, or of its Organization) covers the region
 * the client calls: one {@code access-analyzer:ListAnalyzers} listing (plus pages). Unused-access analyzers
 * do not count: they find unused permissions, not resources shared outside.
 */
final class AccessAnalyzerLookup {
  private static final Set<Type> EXTERNAL_ACCESS = Set.of(Type.ACCOUNT, Type.ORGANIZATION);
  private static final String ACTION = "access-analyzer:ListAnalyzers";
  private static final SdkPlugin FEW_ATTEMPTS =
      config -> config.overrideConfiguration(o -> o.retryStrategy(AwsClientFactory.retryStrategy(3)));
  private static final Map<String, String> REFUSED_AS_UNKNOWN = new ConcurrentHashMap<>();

  private final AccessAnalyzerClient analyzer;

  AccessAnalyzerLookup(AccessAnalyzerClient analyzer) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
  }

  Reading<Boolean> read() {
    String key = analyzer.serviceClientConfiguration().endpointOverride().map(Object::toString).orElse("aws");
    String refused = REFUSED_AS_UNKNOWN.get(key);
    if (refused != null) {
      return Reading.missing(refused);
    }
    Reading<Boolean> reading = Refusals.read(ACTION, "the audit role", () -> {
      for (AnalyzerSummary summary : analyzer.listAnalyzersPaginator(r -> r.overrideConfiguration(o -> o.addPlugin(FEW_ATTEMPTS)))
          .analyzers()) {
        if (EXTERNAL_ACCESS.contains(summary.type()) && summary.status() == AnalyzerStatus.ACTIVE) {
          return true;
        }
      }
      return false;
    });
    reading.missingBecause().filter(r -> r.contains(Refusals.AS_UNKNOWN)).ifPresent(r -> REFUSED_AS_UNKNOWN.put(key, r));
    return reading;
  }
}
