package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import dev.keywarden.securityhub.WorkflowUpdater;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingIdentifier;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsUnprocessedFinding;
import software.amazon.awssdk.services.securityhub.model.NoteUpdate;
import software.amazon.awssdk.services.securityhub.model.WorkflowUpdate;

/**
 * Sets the workflow status and note of findings Security Hub holds, with {@code
 * BatchUpdateFindings}.
 */
public final class SecurityHubWorkflowUpdater implements WorkflowUpdater {
  /** Who a note says updated it. */
  static final String UPDATED_BY = "keywarden";

  /** Error codes of a service that does not know the operation. */
  private static final Set<String> UNKNOWN_OPERATION =
      Set.of(
          "unknownoperationexception",
          "invalidaction",
          "notimplemented",
          "notimplementedexception");

  private final SecurityHubClient client;

  private SecurityHubWorkflowUpdater(SecurityHubClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  public static SecurityHubWorkflowUpdater create(SecurityHubClient client) {
    return new SecurityHubWorkflowUpdater(client);
  }

  @Override
  public Map<String, String> updateBatch(Change change, List<String> findingIds) {
    BatchUpdateFindingsRequest request = request(change, findingIds);
    BatchUpdateFindingsResponse response;
    try {
      response = client.batchUpdateFindings(request);
    } catch (AwsServiceException e) {
      String what =
          "securityhub:BatchUpdateFindings of "
              + findingIds.size()
              + " finding(s) to "
              + change.status();
      if (unknownOperation(
          e.statusCode(), e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode())) {
        throw new Unavailable(
            what
                + " is not implemented by this endpoint (HTTP "
                + e.statusCode()
                + "): "
                + e.getMessage(),
            e);
      }
      throw new KeywardenException(what + " failed: " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new KeywardenException(
          "securityhub:BatchUpdateFindings of "
              + findingIds.size()
              + " finding(s) failed: "
              + e.getMessage(),
          e);
    }
    return unprocessed(response);
  }

  /**
   * The request for one change: the findings by id and product, the status, and the note when there
   * is one.
   */
  static BatchUpdateFindingsRequest request(Change change, List<String> findingIds) {
    if (findingIds.isEmpty() || findingIds.size() > MAX_BATCH) {
      throw new IllegalArgumentException(
          "BatchUpdateFindings takes 1 to " + MAX_BATCH + " findings, not " + findingIds.size());
    }
    BatchUpdateFindingsRequest.Builder b =
        BatchUpdateFindingsRequest.builder()
            .findingIdentifiers(
                findingIds.stream()
                    .map(
                        id ->
                            AwsSecurityFindingIdentifier.builder()
                                .id(id)
                                .productArn(change.productArn())
                                .build())
                    .toList())
            .workflow(WorkflowUpdate.builder().status(change.status()).build());
    change
        .note()
        .ifPresent(text -> b.note(NoteUpdate.builder().text(text).updatedBy(UPDATED_BY).build()));
    return b.build();
  }

  /** The findings Security Hub did not process, by id, with its error. */
  static Map<String, String> unprocessed(BatchUpdateFindingsResponse response) {
    Map<String, String> failed = new LinkedHashMap<>();
    for (BatchUpdateFindingsUnprocessedFinding f : response.unprocessedFindings()) {
      failed.put(f.findingIdentifier().id(), f.errorCode() + ": " + f.errorMessage());
    }
    return failed;
  }

  /**
   * Whether an error says the endpoint does not know the operation: HTTP 501, or 404 other than
   * ResourceNotFoundException (no such path: {@code BatchUpdateFindings} is {@code PATCH
   * /findings/batchupdate}), or an unknown-operation code.
   */
  static boolean unknownOperation(int status, String errorCode) {
    if (errorCode != null && UNKNOWN_OPERATION.contains(errorCode.toLowerCase(Locale.ROOT))) {
      return true;
    }
    return status == 501 || (status == 404 && !"ResourceNotFoundException".equals(errorCode));
  }
}
