package dev.keywarden.securityhub;

import dev.keywarden.KeywardenException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets the workflow of findings Security Hub already holds ({@code BatchUpdateFindings}); the SDK
 * lives behind it. Security Hub takes a finding's {@code Workflow} and {@code Note} from {@code
 * BatchImportFindings} only when it creates the finding, so every later change of them goes this
 * way.
 */
public interface WorkflowUpdater {
  /** At most this many findings go in one call, as {@code BatchUpdateFindings} allows. */
  int MAX_BATCH = 100;

  /**
   * Gives one workflow status, and note, to at most {@link #MAX_BATCH} findings of one product.
   *
   * @return the findings Security Hub did not process ({@code UnprocessedFindings}), by finding id,
   *     with the error it gave
   * @throws Unavailable when Security Hub does not know the call at all
   * @throws KeywardenException when the call itself failed: nothing is known to be processed
   */
  Map<String, String> updateBatch(Change change, List<String> findingIds);

  /**
   * One workflow change: the same status and note for every finding of a call.
   *
   * @param productArn the product the findings were imported as
   * @param status NEW, SUPPRESSED or RESOLVED
   * @param note the note's text (an exemption's reason and last day), when there is one
   */
  record Change(String productArn, String status, Optional<String> note) {
    public Change {
      Objects.requireNonNull(productArn, "productArn");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(note, "note");
    }
  }

  /**
   * Security Hub (or what stands in for it) refused the call as an operation it does not implement.
   */
  final class Unavailable extends KeywardenException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
