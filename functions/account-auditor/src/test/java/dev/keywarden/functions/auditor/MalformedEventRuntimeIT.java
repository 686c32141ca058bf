package dev.keywarden.functions.auditor;

import dev.keywarden.testsupport.lambda.MalformedEventRuntimeContract;
import dev.keywarden.testsupport.lambda.MalformedPayloads;
import java.util.List;
import java.util.Map;

/**
 * The deployment jar under the real runtime interface client answers every payload {@link
 * MalformedEventTest} refuses with the function's own InvalidInputException.
 */
class MalformedEventRuntimeIT extends MalformedEventRuntimeContract {
  @Override
  protected Map<String, String> settings() {
    return Map.of(
        "KEYWARDEN_FINDINGS_TABLE",
        "keywarden-findings",
        "KEYWARDEN_EXTERNAL_ID",
        "keywarden-test-external-id");
  }

  @Override
  protected List<MalformedPayloads.Case> malformedPayloads() {
    return MalformedEventTest.cases();
  }
}
