package dev.keywarden.functions.auditor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.InvalidInputException;
import dev.keywarden.audit.AccountStateStore;
import dev.keywarden.audit.AuditRequest;
import dev.keywarden.audit.Deadline;
import dev.keywarden.audit.EventPayload;
import dev.keywarden.audit.OrgAuditor;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.aws.AccountRuns;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.OrgAuditors;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.crac.Core;
import org.crac.Resource;

/**
 * Audits accounts one queued request at a time, or, in a single-account deployment, its own account
 * on a schedule: the same audit either way, so an organisation and a lone account get the same
 * findings.
 *
 * <p>It reads its payload as a stream because it accepts two event shapes. Clients, settings and
 * the auditor are built once, in the constructor, so that a SnapStart snapshot holds them ready and
 * bad configuration fails the initialisation, not a run. Before a SnapStart checkpoint it primes
 * itself (see {@link #beforeCheckpoint}), so that a restored function answers its first event warm.
 */
public final class AccountAuditorHandler implements RequestStreamHandler, Resource {
  private static final Logger LOG = LogManager.getLogger(AccountAuditorHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An account id no Organization has: priming reads its (empty) state and writes nothing. */
  static final String PRIMING_ACCOUNT = "000000000000";

  private static final String PRIMING_SCHEDULE =
      "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
          + "\"id\":\"priming\",\"time\":\"2000-01-01T00:00:00Z\"}";
  private static final String PRIMING_BATCH =
      "{\"Records\":[{\"messageId\":\"priming\",\"eventSource\":\"aws:sqs\","
          + "\"body\":\"{}\"}]}";

  private final OrgAuditor auditor;
  private final Supplier<String> ownAccountId;
  private final AccountStateStore store;
  private final Duration stopMargin;

  /**
   * Built by the Lambda runtime: settings from the environment, clients from the function's role,
   * and registered for the SnapStart checkpoint.
   */
  public AccountAuditorHandler() {
    this(
        warmingUp(AwsClientFactory.create(ClientSettings.defaults())),
        ConfigLoader.loadSettings(Optional.empty(), System.getenv()),
        Clock.systemUTC());
    registerWith(Core.getGlobalContext());
  }

  AccountAuditorHandler(AwsClientFactory clients, Settings settings, Clock clock) {
    this.auditor = OrgAuditors.create(settings, clients, clock);
    this.ownAccountId = () -> clients.callerIdentity().accountId();
    this.store = AccountRuns.store(clients, settings);
    this.stopMargin = Duration.ofSeconds(settings.run().stopMarginSeconds());
  }

  /** Asks to be primed before the checkpoint of the given context (the global one in Lambda). */
  void registerWith(org.crac.Context<Resource> context) {
    context.register(this);
  }

  /**
   * Runs the real code path once without side effects: STS names the function's account (which the
   * scheduled audit needs anyway), the findings table is read for an account that has no state, and
   * both event shapes and the batch response go through JSON. SDK marshallers, the HTTP connection
   * pool and Jackson's serialisers are then in the snapshot.
   */
  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
    LOG.info("priming before the checkpoint: account {}", ownAccountId.get());
    store.load(PRIMING_ACCOUNT);
    ((AuditorEvent.Scheduled) AuditorEvent.parse(JSON.readTree(PRIMING_SCHEDULE))).runId();
    AuditorEvent.parse(JSON.readTree(PRIMING_BATCH));
    AuditRequest.fromJson(new AuditRequest("run-priming", PRIMING_ACCOUNT).toJson());
    JSON.writeValueAsBytes(
        new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("priming"))));
  }

  /**
   * Nothing to refresh: clients re-resolve credentials themselves, and the account id cannot
   * change.
   */
  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Deliberately empty.
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    if (context != null) {
      ThreadContext.put("requestId", context.getAwsRequestId());
    }
    try {
      Object response = handle(AuditorEvent.parse(read(input)), deadline(context));
      JSON.writeValue(output, response);
    } finally {
      ThreadContext.clearMap();
    }
  }

  /**
   * The invocation's deadline: the stop margin before the function's timeout (none outside Lambda).
   */
  Deadline deadline(Context context) {
    return context == null
        ? Deadline.none()
        : Deadline.of(context::getRemainingTimeInMillis, stopMargin);
  }

  Object handle(AuditorEvent event, Deadline deadline) {
    if (event instanceof AuditorEvent.SqsBatch batch) {
      return auditBatch(batch, deadline);
    }
    return auditOwnAccount((AuditorEvent.Scheduled) event, deadline);
  }

  /**
   * Audits each record on its own. A body that is not an audit request, and an audit that fails
   * with an unexpected error, fail only their record: the queue retries it and, after its last
   * receive, moves it to the dead-letter queue. An account that could not be audited is a success,
   * since its finding says so. Once the deadline is reached no further record is begun, and a run
   * stopped by it is failed too: those records come back after the queue's visibility timeout and
   * their next run finishes the work.
   */
  SQSBatchResponse auditBatch(AuditorEvent.SqsBatch batch, Deadline deadline) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (AuditorEvent.QueuedMessage message : batch.messages()) {
      ThreadContext.put("messageId", message.messageId());
      try {
        if (!auditMessage(message, deadline)) {
          failures.add(new SQSBatchResponse.BatchItemFailure(message.messageId()));
        }
      } finally {
        ThreadContext.remove("messageId");
        ThreadContext.remove("runId");
        ThreadContext.remove("accountId");
      }
    }
    return new SQSBatchResponse(failures);
  }

  private boolean auditMessage(AuditorEvent.QueuedMessage message, Deadline deadline) {
    AuditRequest request;
    try {
      request = AuditRequest.fromJson(message.body());
    } catch (InvalidInputException malformed) {
      LOG.error(
          "message {} is not an audit request and is reported as failed, to reach the dead-letter queue: {}",
          message.messageId(),
          malformed.getMessage());
      return false;
    }
    ThreadContext.put("runId", request.runId());
    ThreadContext.put("accountId", request.accountId());
    try {
      RunOutcome outcome = auditor.audit(request, deadline);
      log(outcome);
      return outcome.status() != RunOutcome.Status.INCOMPLETE;
    } catch (RuntimeException unexpected) {
      LOG.error(
          "audit of account {} failed; message {} returns to the queue for a retry",
          request.accountId(),
          message.messageId(),
          unexpected);
      return false;
    }
  }

  /** Single-account mode: the account the function runs in, under a run named after the event. */
  Map<String, Object> auditOwnAccount(AuditorEvent.Scheduled event, Deadline deadline) {
    String runId = event.runId();
    ThreadContext.put("runId", runId);
    AuditRequest request = new AuditRequest(runId, ownAccountId.get());
    ThreadContext.put("accountId", request.accountId());
    RunOutcome outcome = auditor.audit(request, deadline);
    log(outcome);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("runId", outcome.runId());
    response.put("accountId", outcome.accountId());
    response.put("status", outcome.status().name());
    return response;
  }

  private static void log(RunOutcome outcome) {
    switch (outcome.status()) {
      case COMPLETED ->
          LOG.info(
              "audited account {}: {} finding(s)", outcome.accountId(), outcome.findingCount());
      case SKIPPED_BUSY ->
          LOG.info("account {} is being audited by another run; skipped", outcome.accountId());
      case ALREADY_DONE ->
          LOG.info(
              "account {} was already audited by this run; a repeated request did nothing",
              outcome.accountId());
      case NOT_AUDITED ->
          LOG.warn(
              "account {} could not be audited; its account-not-audited finding says why",
              outcome.accountId());
      case INCOMPLETE ->
          LOG.warn(
              "account {} stopped at the invocation's deadline; the next run finishes it",
              outcome.accountId());
    }
  }

  private static JsonNode read(InputStream input) throws IOException {
    return EventPayload.object(input, AuditorEvent.EXPECTED);
  }

  /**
   * The clients a first audit uses, in the order it first calls them, are built on a background
   * thread while the runtime finishes initialising and delivers the first event (see {@link
   * AwsClientFactory#warmUp}). STS is asked there who the function is, which every event needs (the
   * account it audits in single-account mode, or whether a requested account is its own): the first
   * call also loads and runs the SDK's whole request path once, off the event's.
   */
  private static AwsClientFactory warmingUp(AwsClientFactory clients) {
    clients.warmUp(
        AwsClientFactory::sts,
        AwsClientFactory::callerIdentity,
        AwsClientFactory::dynamoDb,
        AwsClientFactory::iam,
        AwsClientFactory::accessAnalyzer,
        AwsClientFactory::sns);
    return clients;
  }
}
