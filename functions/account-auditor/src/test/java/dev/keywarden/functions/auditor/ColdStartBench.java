package dev.keywarden.functions.auditor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import dev.keywarden.testsupport.lambda.DeploymentPackage;
import dev.keywarden.testsupport.lambda.LambdaProcess;
import dev.keywarden.testsupport.lambda.RuntimeApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Cold start of each deployment jar under the Lambda runtime interface client, against the
 * emulator: from JVM launch to the end of initialisation (first poll) and to the first response,
 * the processor time the function's process had used by then (all its threads: what the start costs
 * whatever else the machine runs, where the wall-clock figures grow with the load), then a second
 * (warm) invocation in the same JVM, median of several runs, and each jar's size. Run by {@code
 * bench/cold-start}; prints figures, asserts nothing.
 *
 * <p>Arguments: the repository root, the number of runs, and where the functions run: {@code
 * harness} (the project's own Runtime API, {@link RuntimeApiServer}) or {@code rie} (AWS's Lambda
 * Runtime Interface Emulator, whose binary the system property {@code keywarden.rie} names; it
 * starts the JVM on the first invocation, so there the first response is timed from that
 * invocation, and init is not shown: the emulator's {@code Init Duration} times an asynchronous
 * call). Each run starts from a reset emulator, so the auditor's first invocation is always a first
 * run (it writes its findings) and the warm one a steady-state run; the credential report is
 * generated before the function starts (see the auditor's arrangement).
 */
public final class ColdStartBench {
  /** The auditor's Timeout in template.yaml: the deadline Lambda gives each invocation. */
  private static final Duration FUNCTION_TIMEOUT = Duration.ofMinutes(15);

  private static final double AUDITOR_TARGET_SECONDS = 1.5;
  private static final long JAR_TARGET_BYTES = DeploymentPackage.MAX_BYTES;
  private static final String TABLE = "keywarden-findings";

  private ColdStartBench() {}

  /**
   * One function: its logical id in template.yaml, its sample event, and what it needs on the
   * emulator.
   */
  private record Subject(
      String logicalId, String event, Function<AwsClientFactory, Map<String, String>> arrange) {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String engine = args.length > 2 ? args[2] : "harness";
    if (!engine.equals("harness") && !engine.equals("rie")) {
      throw new IllegalArgumentException(
          "where to run the functions must be harness or rie, got '" + engine + "'");
    }
    Path rie =
        Path.of(
            System.getProperty(
                "keywarden.rie", root.resolve("build/go/bin/aws-lambda-rie").toString()));
    if (engine.equals("rie") && !Files.isExecutable(rie)) {
      throw new IllegalStateException(
          "no aws-lambda-rie at " + rie + ": bench/cold-start builds it with go install");
    }
    JsonNode resources =
        new ObjectMapper(new YAMLFactory())
            .readTree(root.resolve("template.yaml").toFile())
            .path("Resources");

    List<Subject> subjects =
        List.of(
            new Subject(
                "OrgDispatcherFunction",
                "scheduled-daily.json",
                clients -> {
                  clients.organizations().createOrganization(r -> r.featureSet("ALL"));
                  clients
                      .organizations()
                      .createAccount(
                          r -> r.accountName("payments-prod").email("payments-prod@example.com"));
                  return Map.of(
                      "KEYWARDEN_AUDIT_QUEUE_URL",
                      clients
                          .sqs()
                          .createQueue(r -> r.queueName("keywarden-audit-requests"))
                          .queueUrl());
                }),
            new Subject(
                "AccountAuditorFunction",
                "scheduled-daily.json",
                clients -> {
                  AccountSeeder seeder = AccountSeeder.using(clients.iam());
                  seeder.createUser("svc-legacy", Map.of());
                  seeder.addAccessKey("svc-legacy");
                  // IAM answers the first GenerateCredentialReport with STARTED and the audit then
                  // waits before asking again: IAM's latency, not start-up. A report generated
                  // beforehand is what a function started within IAM's four hours of reuse finds.
                  clients.iam().generateCredentialReport();
                  return Map.of(
                      "KEYWARDEN_NOTICES_TOPIC_ARN",
                      clients.sns().createTopic(r -> r.name("keywarden-notices")).topicArn(),
                      "KEYWARDEN_EXTERNAL_ID",
                      "keywarden-bench-external-id");
                }),
            new Subject(
                "ReportAggregatorFunction",
                "scheduled-weekly.json",
                clients -> {
                  clients.s3().createBucket(r -> r.bucket("keywarden-reports"));
                  return Map.of(
                      "KEYWARDEN_REPORTS_BUCKET",
                      "keywarden-reports",
                      "KEYWARDEN_SECURITY_TOPIC_ARN",
                      clients.sns().createTopic(r -> r.name("keywarden-security")).topicArn());
                }));

    MotoServer moto = MotoServer.shared();
    AwsEndpoint endpoint = moto.start();
    System.out.printf(
        Locale.ROOT,
        "emulator: %s; %d run(s) per function; JVM %s; functions under %s%n",
        endpoint.endpoint(),
        runs,
        System.getProperty("java.version"),
        engine.equals("rie")
            ? "AWS's runtime interface emulator (" + rie + ")"
            : "the project's Runtime API harness");
    System.out.printf(
        Locale.ROOT,
        "load average (1 min) at start: %.2f on %d cores%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    System.out.printf(
        Locale.ROOT,
        "%-26s %11s %7s %8s %7s %7s  %s%n",
        "function",
        "jar bytes",
        "init s",
        "first s",
        "cpu s",
        "warm s",
        "first response, each run (s)");
    boolean met = true;
    for (Subject subject : subjects) {
      JsonNode function = resources.path(subject.logicalId()).path("Properties");
      if (function.isMissingNode()) {
        throw new IllegalStateException("template.yaml has no " + subject.logicalId());
      }
      Path jar = root.resolve(function.path("CodeUri").asText());
      String handler = function.path("Handler").asText();
      String event = Files.readString(root.resolve("events").resolve(subject.event()));
      List<Double> inits = new ArrayList<>();
      List<Double> firsts = new ArrayList<>();
      List<Double> warms = new ArrayList<>();
      List<Double> cpus = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        moto.reset();
        Map<String, String> env = new LinkedHashMap<>();
        try (AwsClientFactory clients =
            AwsClientFactory.create(
                ClientSettings.forEndpoint(
                    endpoint.endpoint(),
                    endpoint.region(),
                    endpoint.accessKeyId(),
                    endpoint.secretAccessKey()))) {
          DynamoAccountStateStore.createTable(clients.dynamoDb(), TABLE);
          env.putAll(subject.arrange().apply(clients));
        }
        env.putAll(LambdaProcess.awsEnvironment(endpoint));
        env.put("KEYWARDEN_FINDINGS_TABLE", TABLE);
        if (engine.equals("rie")) {
          try (RieFunction underRie =
              RieFunction.start(rie, jar, handler, function.path("MemorySize").asInt(512), env)) {
            long sent = System.nanoTime();
            underRie.invoke(event);
            firsts.add((System.nanoTime() - sent) / 1e9);
            cpus.add(underRie.cpuTime().toNanos() / 1e9);
            // The emulator's own Init Duration times an asynchronous call (a few ms whatever the
            // function
            // does), and the JVM's first poll of its Runtime API cannot be seen from outside: no
            // init figure.
            inits.add(Double.NaN);
            long again = System.nanoTime();
            underRie.invoke(event);
            warms.add((System.nanoTime() - again) / 1e9);
          }
          continue;
        }
        try (RuntimeApiServer api = RuntimeApiServer.start()) {
          try (LambdaProcess process = LambdaProcess.start(jar, handler, api, env)) {
            // From the JVM's launch: unpacking the jar comes before it, in Lambda as here.
            long launched = process.launchedNanos();
            RuntimeApiServer.Invocation answer =
                api.invoke(event, FUNCTION_TIMEOUT, Duration.ofSeconds(60));
            long answered = System.nanoTime();
            if (!answer.succeeded()) {
              throw new IllegalStateException(
                  subject.logicalId() + " failed: " + answer.body() + " " + process.stderr());
            }
            firsts.add((answered - launched) / 1e9);
            cpus.add(process.cpuTime().toNanos() / 1e9);
            inits.add((api.firstPollNanos().orElse(answered) - launched) / 1e9);
            long again = System.nanoTime();
            RuntimeApiServer.Invocation second =
                api.invoke(event, FUNCTION_TIMEOUT, Duration.ofSeconds(60));
            if (!second.succeeded()) {
              throw new IllegalStateException(
                  subject.logicalId() + " failed warm: " + second.body());
            }
            warms.add((System.nanoTime() - again) / 1e9);
          }
        }
      }
      long size = Files.size(jar);
      double first = median(firsts);
      System.out.printf(
          Locale.ROOT,
          "%-26s %,11d %7.2f %8.2f %7.2f %7.2f  %s%n",
          subject.logicalId(),
          size,
          median(inits),
          first,
          median(cpus),
          median(warms),
          firsts.stream().map(f -> String.format(Locale.ROOT, "%.2f", f)).toList());
      if (size >= JAR_TARGET_BYTES) {
        System.out.printf(Locale.ROOT, "  jar not under %,d bytes%n", JAR_TARGET_BYTES);
        met = false;
      }
      if (subject.logicalId().equals("AccountAuditorFunction") && first > AUDITOR_TARGET_SECONDS) {
        System.out.printf(
            Locale.ROOT, "  first response over the %.1f s target%n", AUDITOR_TARGET_SECONDS);
        met = false;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "load average (1 min) at the end: %.2f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println(met ? "targets met" : "targets missed");
    moto.close();
    System.exit(met ? 0 : 1);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
