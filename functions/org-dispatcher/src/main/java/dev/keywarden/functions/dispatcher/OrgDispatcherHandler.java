package dev.keywarden.functions.dispatcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.keywarden.InvalidInputException;
import dev.keywarden.audit.DispatchResult;
import dev.keywarden.audit.OrgAuditor;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.OrgAuditors;
import dev.keywarden.aws.SqsAuditQueue;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.config.Settings;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

/**
 * The daily start of an organisation-wide audit: lists the accounts in scope and queues one audit
 * request per account, so that each account is audited by its own invocation of the auditor.
 *
 * <p>Clients, settings and the dispatcher are built once, in the constructor, so that a SnapStart
 * snapshot holds them ready and bad configuration fails the initialisation, not a run.
 */
public final class OrgDispatcherHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
  private static final Logger LOG = LogManager.getLogger(OrgDispatcherHandler.class);

  private final OrgAuditor auditor;
  private final SqsAuditQueue queue;

  /** Built by the Lambda runtime: settings from the environment, clients from the function's role. */
  public OrgDispatcherHandler() {
    this(AwsClientFactory.create(ClientSettings.defaults()), ConfigLoader.loadSettings(Optional.empty(), System.getenv()),
        Clock.systemUTC());
  }

  /**
   * Wires the dispatcher to the given clients.
   *
   * @throws InvalidInputException when {@code KEYWARDEN_AUDIT_QUEUE_URL} is not set
   */
  OrgDispatcherHandler(AwsClientFactory clients, Settings settings, Clock clock) {
    this.queue = OrgAuditors.queue(settings, clients);
    this.auditor = OrgAuditors.create(settings, clients, clock);
  }

  /**
   * Dispatches one run named after the event.
   *
   * @return {@code {"runId": "...", "accounts": ["111111111111", ...]}}
   */
  @Override
  public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
    String runId = runId(event);
    ThreadContext.put("runId", runId);
    if (context != null) {
      ThreadContext.put("requestId", context.getAwsRequestId());
    }
    try {
      DispatchResult result = auditor.dispatch(runId, queue);
      LOG.info("queued {} account(s) for audit", result.accountIds().size());
      return response(result);
    } finally {
      ThreadContext.clearMap();
    }
  }

  /** The run id for a scheduled event; a retry of the same event gets the same id. */
  static String runId(ScheduledEvent event) {
    if (event == null || event.getTime() == null) {
      throw new InvalidInputException("expected an EventBridge Scheduled Event with an id and a time, got "
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
}
