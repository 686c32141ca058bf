package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.audit.AuditRequest;
import dev.keywarden.audit.OrgAuditor;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.OrgSettings;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.findings.StoredFinding;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An Organization whose member accounts hold keys at every notice stage and past their deadline,
 * audited day by day through the production path: the dispatcher lists the accounts and queues one
 * request each on SQS, and a poller (Lambda's event-source mapping, played here) hands each request
 * to the auditor and deletes it once audited, leaving a failed one on the queue for its retry. What
 * it ends with, free of the emulator's random account and key ids, can be compared with another
 * life of the same Organization that went wrong in between.
 */
final class OrgLife implements AutoCloseable {
  static final String TABLE = "keywarden-findings";

  /** A request received more often than this fails the life: retries must converge well before. */
  static final int MAX_RECEIVES = 5;

  /**
   * The dispatcher is invoked again (same run id, as a retried schedule would be) at most this
   * often.
   */
  static final int MAX_DISPATCHES = 3;

  /** Seconds a received request stays invisible: a failed audit is retried after this. */
  static final int VISIBILITY_SECONDS = 1;

  /**
   * A member's service user.
   *
   * @param member which member account, from 0
   * @param maxAgeDays after how many days its key expires
   */
  record Key(int member, String user, String owner, int maxAgeDays) {}

  /** What a life ended with, with members named {@code member-<i>} instead of their random ids. */
  record Outcome(
      Map<String, List<String>> noticesByOwner,
      List<String> securityNotices,
      Map<String, Set<String>> findingsByMember,
      Map<String, List<String>> actionLogByMember,
      Map<String, String> keyStatuses,
      Map<String, List<String>> dispatchedByRun,
      Map<String, List<String>> statusesByDay) {}

  /**
   * The outcome and what it took.
   *
   * @param audits audits started from a received request
   * @param failedAudits audits (or deletions) that ended in an exception, leaving the request on
   *     the queue
   * @param failedDispatches dispatcher invocations that ended in an exception and were invoked
   *     again
   * @param failedReceives ReceiveMessage calls that failed after the SDK's retries
   * @param failures the messages of the exceptions that failed audits and dispatches
   */
  record Lived(
      Outcome outcome,
      int audits,
      int failedAudits,
      int failedDispatches,
      int failedReceives,
      List<String> failures) {}

  private final AwsClientFactory direct;
  private final AwsClientFactory through;
  private final EmulatedOrganization org;
  private final List<String> members;
  private final List<Key> keys;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final String queueUrl;
  private final Map<String, NoticeInbox> inboxes = new TreeMap<>();
  private final NoticeInbox securityInbox;
  private final Settings settings;
  private final MutableClock clock;
  private final Instant created;

  /**
   * Arranges the Organization through the emulator's own endpoint; the audit goes to {@code
   * runEndpoint}.
   *
   * @param memberCount member accounts audited
   * @param closedCount closed accounts besides them: Organizations still lists them (AWS does for
   *     90 days), so they lengthen {@code ListAccounts} to several pages without adding audits
   */
  OrgLife(AwsEndpoint endpoint, URI runEndpoint, int memberCount, int closedCount, List<Key> keys) {
    this.keys = List.copyOf(keys);
    direct = EmulatorClients.of(endpoint);
    through = EmulatorClients.through(endpoint, runEndpoint);
    DynamoAccountStateStore.createTable(direct.dynamoDb(), TABLE);
    String topicArn = direct.sns().createTopic(r -> r.name("keywarden-notices")).topicArn();
    String securityTopicArn =
        direct.sns().createTopic(r -> r.name("keywarden-security")).topicArn();
    securityInbox = NoticeInbox.subscribeAll(direct, securityTopicArn, "security-team");
    queueUrl =
        direct
            .sqs()
            .createQueue(
                r ->
                    r.queueName("keywarden-audit-requests")
                        .attributes(
                            Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                Integer.toString(VISIBILITY_SECONDS))))
            .queueUrl();
    org = EmulatedOrganization.create(direct);
    members = org.createAccounts("member", memberCount);
    for (String closed : org.createAccounts("closed", closedCount)) {
      direct.organizations().closeAccount(r -> r.accountId(closed));
    }
    labels.put(org.managementAccountId(), "management");
    for (int i = 0; i < members.size(); i++) {
      labels.put(members.get(i), "member-" + i);
    }
    created = Instant.now();
    for (String member : members) {
      org.createAuditRole(member, "arn:aws:iam::" + org.managementAccountId() + ":root");
    }
    for (Key key : keys) {
      org.createServiceUser(members.get(key.member()), key.user(), key.owner(), key.maxAgeDays());
      inboxes.computeIfAbsent(key.owner(), owner -> NoticeInbox.subscribe(direct, topicArn, owner));
    }
    clock = new MutableClock(created);
    settings =
        new Settings(
            AuditPolicy.defaults(),
            RunSettingsFor.run(
                true, 20, TABLE, Optional.of(topicArn), Optional.of(securityTopicArn)),
            new OrgSettings(
                OrgSettings.DEFAULT_AUDIT_ROLE_NAME,
                Optional.of(EmulatedOrganization.EXTERNAL_ID),
                List.of(),
                List.of(),
                List.of(),
                List.of(org.managementAccountId()),
                Optional.of(queueUrl)));
  }

  /** Lives the days in order: each day one dispatch, then the queue is worked until it is empty. */
  Lived live(int... days) throws Exception {
    OrgAuditor auditor = OrgAuditors.create(settings, through, clock);
    SqsAuditQueue queue = OrgAuditors.queue(settings, through);
    Map<String, List<String>> notices = new TreeMap<>();
    List<String> security = new ArrayList<>();
    Map<String, List<String>> statuses = new TreeMap<>();
    int audits = 0;
    int failedAudits = 0;
    int failedDispatches = 0;
    int failedReceives = 0;
    List<String> failures = new ArrayList<>();
    for (int day : days) {
      // Half an hour off the hour: keys made a second apart read "46 hours left" alike in every
      // life.
      clock.set(created.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(90)));
      String runId = "daily-" + day;
      boolean dispatched = false;
      for (int attempt = 0; attempt < MAX_DISPATCHES && !dispatched; attempt++) {
        try {
          auditor.dispatch(runId, queue);
          dispatched = true;
        } catch (RuntimeException dispatcherFailed) {
          failedDispatches++;
          failures.add("dispatch: " + dispatcherFailed.getMessage());
        }
      }
      assertThat(dispatched)
          .as("day %d dispatched within %d invocations", day, MAX_DISPATCHES)
          .isTrue();
      List<String> todays = new ArrayList<>();
      for (int polls = 0; queueDepth() > 0; polls++) {
        assertThat(polls).as("day %d: the queue drains", day).isLessThan(100);
        List<Message> received;
        try {
          received =
              through
                  .sqs()
                  .receiveMessage(
                      r ->
                          r.queueUrl(queueUrl)
                              .maxNumberOfMessages(1)
                              .waitTimeSeconds(1)
                              .messageSystemAttributeNames(
                                  MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                  .messages();
        } catch (RuntimeException receiveFailed) {
          failedReceives++;
          continue;
        }
        for (Message message : received) {
          int receiveCount =
              Integer.parseInt(
                  message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
          assertThat(receiveCount)
              .as("receives of %s", message.body())
              .isLessThanOrEqualTo(MAX_RECEIVES);
          audits++;
          try {
            RunOutcome outcome = auditor.audit(AuditRequest.fromJson(message.body()));
            todays.add(label(outcome.accountId()) + " " + outcome.status());
            through
                .sqs()
                .deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
          } catch (RuntimeException auditFailed) {
            // As the account auditor reports a failed record: it stays on the queue and comes back.
            failedAudits++;
            failures.add("audit: " + auditFailed.getMessage());
          }
        }
      }
      statuses.put("day " + day, todays.stream().sorted().toList());
      for (Map.Entry<String, NoticeInbox> inbox : inboxes.entrySet()) {
        List<String> received = new ArrayList<>();
        for (NoticeInbox.ReceivedNotice n : inbox.getValue().drain()) {
          received.add(
              "day " + day + " " + label(n.attributes().get("accountId")) + " " + n.kindAndStage());
        }
        notices
            .computeIfAbsent(inbox.getKey(), k -> new ArrayList<>())
            .addAll(received.stream().sorted().toList());
      }
      for (NoticeInbox.ReceivedNotice n : securityInbox.drain()) {
        security.add("day " + day + " " + n.attributes().get("kind"));
      }
    }
    return new Lived(
        outcome(notices, security, statuses, days),
        audits,
        failedAudits,
        failedDispatches,
        failedReceives,
        failures);
  }

  private Outcome outcome(
      Map<String, List<String>> notices,
      List<String> security,
      Map<String, List<String>> statuses,
      int... days) {
    DynamoAccountStateStore store = AccountRuns.store(direct, settings);
    Map<String, Set<String>> findings = new TreeMap<>();
    Map<String, List<String>> log = new TreeMap<>();
    for (String member : members) {
      Set<String> memberFindings = new TreeSet<>();
      for (StoredFinding f : store.findings(member, Optional.empty())) {
        memberFindings.add(normalized(f.checkId() + " " + f.resourceId() + " " + f.status()));
      }
      findings.put(label(member), memberFindings);
      log.put(
          label(member),
          store.load(member).actions().stream()
              .map(
                  e ->
                      e.runId()
                          + " "
                          + e.kind()
                          + " "
                          + e.phase()
                          + " "
                          + e.userName()
                          + " "
                          + e.outcome().orElse(""))
              .sorted()
              .toList());
    }
    Map<String, String> keyStatuses = new TreeMap<>();
    for (Key key : keys) {
      try (AwsClientFactory member = org.asAdministrator(members.get(key.member()))) {
        member
            .iam()
            .listAccessKeys(r -> r.userName(key.user()))
            .accessKeyMetadata()
            .forEach(
                k ->
                    keyStatuses.put(
                        label(members.get(key.member())) + " " + key.user(), k.statusAsString()));
      }
    }
    Map<String, List<String>> dispatched = new TreeMap<>();
    for (int day : days) {
      dispatched.put(
          "daily-" + day,
          store.run("daily-" + day).orElseThrow().accountIds().stream()
              .map(this::label)
              .sorted()
              .toList());
    }
    return new Outcome(notices, security, findings, log, keyStatuses, dispatched, statuses);
  }

  private int queueDepth() {
    Map<QueueAttributeName, String> attributes =
        direct
            .sqs()
            .getQueueAttributes(
                r ->
                    r.queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(
            attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private String label(String accountId) {
    return labels.getOrDefault(accountId, accountId);
  }

  private String normalized(String text) {
    String result = text;
    for (Map.Entry<String, String> label : labels.entrySet()) {
      result = result.replace(label.getKey(), label.getValue());
    }
    return result;
  }

  @Override
  public void close() {
    direct.close();
    through.close();
  }
}
