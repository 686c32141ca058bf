package dev.keywarden.functions.aggregator;

import dev.keywarden.testsupport.lambda.MalformedEventRuntimeContract;

/**
 * The deployment jar under the real runtime interface client answers every payload {@link
 * MalformedEventTest} refuses with the function's own InvalidInputException.
 */
class MalformedEventRuntimeIT extends MalformedEventRuntimeContract {
  MalformedEventRuntimeIT() {
    super(MalformedEventTest.SETTINGS, MalformedEventTest.cases());
  }
}
