package dev.keywarden.aws;

import dev.keywarden.inventory.Reading;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.AnalyzerStatus;
import software.amazon.awssdk.services.accessanalyzer.model.AnalyzerSummary;
import software.amazon.awssdk.services.accessanalyzer.model.Type;

/**
 * Whether an active external-access analyzer (of the account, or of its Organization) covers the
 * region the client calls: one {@code access-analyzer:ListAnalyzers} listing (plus pages).
 * Unused-access analyzers do not count: they find unused permissions, not resources shared outside.
 */
final class AccessAnalyzerLookup {
  private static final Set<Type> EXTERNAL_ACCESS = Set.of(Type.ACCOUNT, Type.ORGANIZATION);
  private static final String ACTION = "access-analyzer:ListAnalyzers";

  private final AccessAnalyzerClient analyzer;

  AccessAnalyzerLookup(AccessAnalyzerClient analyzer) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
  }

  Reading<Boolean> read() {
    return Refusals.read(
        ACTION,
        "the audit role",
        () -> {
          for (AnalyzerSummary summary :
              analyzer
                  .listAnalyzersPaginator(
                      r ->
                          r.overrideConfiguration(
                              o -> o.addPlugin(OptionalCalls.RETRY_THROTTLING_ONLY)))
                  .analyzers()) {
            if (EXTERNAL_ACCESS.contains(summary.type())
                && summary.status() == AnalyzerStatus.ACTIVE) {
              return true;
            }
          }
          return false;
        });
  }
}
