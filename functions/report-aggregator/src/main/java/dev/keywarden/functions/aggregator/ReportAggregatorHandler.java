package dev.keywarden.functions.aggregator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.InvalidInputException;
import dev.keywarden.audit.EventPayload;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.WeeklyReports;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.config.Settings;
import dev.keywarden.report.ReportFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.crac.Core;
import org.crac.Resource;

/**
 * The weekly report: on its schedule, builds the report of the week that just ended from the
 * findings table, stores it in the reports bucket and sends the digest with its location to the
 * security team.
 *
 * <p>Clients, settings and the report service are built once, in the constructor, so that a
 * SnapStart snapshot holds them ready and bad configuration fails the initialisation, not a run.
 * Before a SnapStart checkpoint it primes itself (see {@link #beforeCheckpoint}), so that a
 * restored function starts warm.
 */
public final class ReportAggregatorHandler implements RequestStreamHandler, Resource {
  private static final Logger LOG = LogManager.getLogger(ReportAggregatorHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A week long before any run: priming reads it (finding nothing) and renders its empty report.
   */
  static final String PRIMING_WEEK = "2000-W01";

  private final WeeklyReports reports;

  /**
   * Built by the Lambda runtime: settings from the environment, clients from the function's role,
   * and registered for the SnapStart checkpoint.
   */
  public ReportAggregatorHandler() {
    this(
        warmingUp(AwsClientFactory.create(ClientSettings.defaults())),
        ConfigLoader.loadSettings(Optional.empty(), System.getenv()),
        Clock.systemUTC());
    registerWith(Core.getGlobalContext());
  }

  /**
   * Wires the report service to the given clients.
   *
   * @throws InvalidInputException when {@code KEYWARDEN_REPORTS_BUCKET} is not set
   */
  ReportAggregatorHandler(AwsClientFactory clients, Settings settings, Clock clock) {
    if (settings.run().reportsBucket().isEmpty()) {
      throw new InvalidInputException(
          "reports-bucket is not set: set KEYWARDEN_REPORTS_BUCKET to the name of the "
              + "bucket the weekly report is written to (template.yaml's ReportsBucket)");
    }
    this.reports = WeeklyReports.create(clients, settings, clock);
  }

  /** Asks to be primed before the checkpoint of the given context (the global one in Lambda). */
  void registerWith(org.crac.Context<Resource> context) {
    context.register(this);
  }

  /**
   * Runs the real code path once without side effects: the table is queried for a week with no
   * runs, and that week's report is rendered as page, JSON, CSV and digest, in memory only; a
   * scheduled event goes through the week arithmetic. Nothing is written to the bucket or sent to
   * the topic.
   */
  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    ReportFiles files =
        ReportFiles.render(reports.read(PRIMING_WEEK), "s3://priming/" + ReportFiles.HTML);
    week(
        new ScheduledEvent()
            .withTime(new org.joda.time.DateTime(0L, org.joda.time.DateTimeZone.UTC)));
    ReportWeeks.endedBefore(
        EventPayload.scheduled(
                JSON.createObjectNode().put("id", "priming").put("time", "2000-01-03T00:00:00Z"))
            .time());
    try {
      JSON.writeValueAsBytes(response(PRIMING_WEEK, "s3://priming/" + ReportFiles.HTML));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("priming could not write its response", e);
    }
    LOG.info(
        "primed before the checkpoint: rendered an empty report of {} characters",
        files.html().length());
  }

  /** Nothing to refresh: clients re-resolve credentials themselves. */
  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Deliberately empty.
  }

  /**
   * Reads the payload itself (not through the runtime client), so that an empty or malformed one is
   * an {@link InvalidInputException} saying what was expected, then publishes as {@link #publish}.
   */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JSON.writeValue(
        output, publish(ReportWeeks.endedBefore(EventPayload.scheduled(input).time()), context));
  }

  /**
   * Publishes the report of the week that ended before an already typed event, as the stream
   * handler does.
   */
  public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
    return publish(week(event), context);
  }

  /**
   * Publishes the report of the week.
   *
   * @return {@code {"week": "2026-W48", "location": "s3://bucket/reports/2026-W48/index.html"}}
   */
  Map<String, Object> publish(String week, Context context) {
    ThreadContext.put("week", week);
    if (context != null) {
      ThreadContext.put("requestId", context.getAwsRequestId());
    }
    try {
      String location = reports.publish(week);
      LOG.info("published the weekly report to {}", location);
      return response(week, location);
    } finally {
      ThreadContext.clearMap();
    }
  }

  /**
   * The week a scheduled event's report covers: the last whole ISO week before the event's time.
   */
  static String week(ScheduledEvent event) {
    if (event == null || event.getTime() == null) {
      throw new InvalidInputException(
          "expected an EventBridge Scheduled Event with a time, got "
              + (event == null ? "no event" : "an event without a time"));
    }
    return ReportWeeks.endedBefore(Instant.ofEpochMilli(event.getTime().getMillis()));
  }

  static Map<String, Object> response(String week, String location) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("week", week);
    response.put("location", location);
    return response;
  }

  /**
   * The clients a weekly report uses are built on a background thread while the runtime finishes
   * initialising and delivers the first event (see {@link AwsClientFactory#warmUp}).
   */
  private static AwsClientFactory warmingUp(AwsClientFactory clients) {
    clients.warmUp(AwsClientFactory::dynamoDb, AwsClientFactory::s3, AwsClientFactory::sns);
    return clients;
  }
}
