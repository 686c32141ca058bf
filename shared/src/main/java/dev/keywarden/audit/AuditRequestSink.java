package dev.keywarden.audit;

import java.util.List;

/**
 * Where the dispatcher sends accounts to audit: the SQS queue in AWS, an in-process pool in the
 * command.
 */
public interface AuditRequestSink {
  void send(List<AuditRequest> requests);
}
