package dev.keywarden.functions.dispatcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.InvalidInputException;
import dev.keywarden.audit.AccountStateStore;
import dev.keywarden.audit.AuditRequest;
import dev.keywarden.audit.DispatchResult;
import dev.keywarden.audit.EventPayload;
import dev.keywarden.audit.OrgDispatcher;
import dev.keywarden.audit.RunIds;
import dev.keywarden.aws.AccountRuns;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.OrgAuditors;
import dev.keywarden.aws.SqsAuditQueue;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.config.Settings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.crac.Core;
import org.crac.Resource;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * The daily start of an organisation-wide audit: lists the accounts in scope and queues one audit
 * request per account, so that each account is audited by its own invocation of the auditor.
 *
 * <p>Clients, settings and the dispatcher are built once, in the constructor, so that a SnapStart
 * snapshot holds them ready and bad configuration fails the initialisation, not a run. Before a
 * SnapStart checkpoint it primes itself (see {@link #beforeCheckpoint}), so that a restored
 * function starts warm.
 */
public final class OrgDispatcherHandler implements RequestStreamHandler, Resource {
  private static final Logger LOG = LogManager.getLogger(OrgDispatcherHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRIMING_SCHEDULE =
      "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
          + "\"id\":\"priming\",\"time\":\"2000-01-01T00:00:00Z\"}";

  /** An account id no Organization has: priming reads its (empty) state and writes nothing. */
  static final String PRIMING_ACCOUNT = "000000000000";

  private final OrgDispatcher dispatcher;
  private final SqsAuditQueue queue;
  private final AwsClientFactory clients;
  private final AccountStateStore store;

  /**
   * Built by the Lambda runtime: settings from the environment, clients from the function's role,
   * and registered for the SnapStart checkpoint.
   */
  public OrgDispatcherHandler() {
    this(
        warmingUp(AwsClientFactory.create(ClientSettings.defaults())),
        ConfigLoader.loadSettings(Optional.empty(), System.getenv()),
        Clock.systemUTC());
    registerWith(Core.getGlobalContext());
  }

  /**
   * Wires the dispatcher to the given clients.
   *
   * @throws InvalidInputException when {@code KEYWARDEN_AUDIT_QUEUE_URL} is not set
   */
  OrgDispatcherHandler(AwsClientFactory clients, Settings settings, Clock clock) {
    this.queue = OrgAuditors.queue(settings, clients);
    this.dispatcher = OrgAuditors.dispatcher(settings, clients, clock);
    this.clients = clients;
    this.store = AccountRuns.store(clients, settings);
  }

  /** Asks to be primed before the checkpoint of the given context (the global one in Lambda). */
  void registerWith(org.crac.Context<Resource> context) {
    context.register(this);
  }

  /**
   * Runs the real code path once without side effects: STS names the caller, the findings table is
   * read for an account that has no state, and a scheduled event, an audit request and the response
   * go through the code that shapes them. Nothing is listed, queued or written.
   */
  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    LOG.info("priming before the checkpoint: account {}", clients.callerIdentity().accountId());
    store.load(PRIMING_ACCOUNT);
    ScheduledEvent event =
        new ScheduledEvent().withId("priming").withTime(new DateTime(0L, DateTimeZone.UTC));
    String runId = runId(event);
    AuditRequest.fromJson(new AuditRequest(runId, PRIMING_ACCOUNT).toJson());
    try {
      EventPayload.scheduled(
              new ByteArrayInputStream(PRIMING_SCHEDULE.getBytes(StandardCharsets.UTF_8)))
          .runId();
      JSON.writeValueAsBytes(response(new DispatchResult(runId, List.of(PRIMING_ACCOUNT))));
    } catch (IOException e) {
      throw new IllegalStateException("priming could not read its own scheduled event", e);
    }
  }

  /** Nothing to refresh: clients re-resolve credentials themselves. */
  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Deliberately empty.
  }

  /**
   * Reads the payload itself (not through the runtime client), so that an empty or malformed one is
   * an {@link InvalidInputException} saying what was expected, then dispatches as {@link
   * #dispatch}.
   */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JSON.writeValue(output, dispatch(EventPayload.scheduled(input).runId(), context));
  }

  /** Dispatches the run of an already typed event, as the stream handler does. */
  public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
    return dispatch(runId(event), context);
  }

  /**
   * Dispatches one run.
   *
   * @return {@code {"runId": "...", "accounts": ["111111111111", ...]}}
   */
  Map<String, Object> dispatch(String runId, Context context) {
    ThreadContext.put("runId", runId);
    if (context != null) {
      ThreadContext.put("requestId", context.getAwsRequestId());
    }
    try {
      DispatchResult result = dispatcher.dispatch(runId, queue);
      LOG.info("queued {} account(s) for audit", result.accountIds().size());
      return response(result);
    } finally {
      ThreadContext.clearMap();
    }
  }

  /** The run id for a scheduled event; a retry of the same event gets the same id. */
  static String runId(ScheduledEvent event) {
    if (event == null || event.getTime() == null) {
      throw new InvalidInputException(
          "expected an EventBridge Scheduled Event with an id and a time, got "
              + (event == null ? "no event" : "an event without a time"));
    }
    return RunIds.of(Instant.ofEpochMilli(event.getTime().getMillis()), event.getId());
  }

  static Map<String, Object> response(DispatchResult result) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("runId", result.runId());
    response.put("accounts", result.accountIds());
    return response;
  }

  /**
   * The clients a dispatch uses are built on a background thread while the runtime finishes
   * initialising and delivers the first event (see {@link AwsClientFactory#warmUp}).
   */
  private static AwsClientFactory warmingUp(AwsClientFactory clients) {
    clients.warmUp(
        AwsClientFactory::dynamoDb, AwsClientFactory::organizations, AwsClientFactory::sqs);
    return clients;
  }
}
