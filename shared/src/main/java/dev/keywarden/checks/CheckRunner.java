package dev.keywarden.checks;

import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.IamUser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs the whole catalogue over one account and applies exemptions; findings on credential report
 * rows of users IAM no longer lists are left out (the inventory gap names those users instead).
 */
public final class CheckRunner {
  /** Most severe first, then by check, principal and resource, so output is stable across runs. */
  static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::checkId)
          .thenComparing(Finding::principal)
          .thenComparing(Finding::resourceId);

  private CheckRunner() {}

  /** Exempted findings in the order of the findings they set aside. */
  static final Comparator<ExemptedFinding> EXEMPTED_ORDER =
      Comparator.comparing(ExemptedFinding::finding, ORDER);

  /** Evaluates every check of the catalogue in the context, then sets exempted findings aside. */
  public static AuditResult run(CheckContext context) {
    List<Finding> open = new ArrayList<>();
    List<ExemptedFinding> exempted = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    evaluate(context, CheckCatalog.all(), skipped, open::add, exempted::add);
    open.sort(ORDER);
    exempted.sort(EXEMPTED_ORDER);
    return new AuditResult(context.accountId(), context.asOf(), open, exempted, skipped);
  }

  /**
   * Evaluates the checks in the context, in their order, handing each finding on as open or as
   * exempted, and noting why each skipped check did not run (keeping a reason already noted).
   */
  static void evaluate(
      CheckContext context,
      List<Check> checks,
      Map<String, String> skipped,
      Consumer<Finding> open,
      Consumer<ExemptedFinding> exempted) {
    Set<String> gone = InventoryGapCheck.unknownToIam(context);
    Exemptions exemptions = new Exemptions(context);
    for (Check check : checks) {
      CheckOutcome outcome = check.evaluate(context);
      outcome
          .skippedBecause()
          .ifPresent(reason -> skipped.putIfAbsent(check.metadata().id(), reason));
      for (Finding finding : outcome.findings()) {
        if (!isAbout(check, finding, gone)) {
          continue;
        }
        Optional<Exemption> exemption = exemptions.covering(finding);
        if (exemption.isPresent()) {
          exempted.accept(
              new ExemptedFinding(finding, exemption.get().until(), exemption.get().reason()));
        } else {
          open.accept(finding);
        }
      }
    }
  }

  /** False for findings on users IAM no longer lists, but for the inventory gap that names them. */
  private static boolean isAbout(Check check, Finding finding, Set<String> gone) {
    return check instanceof InventoryGapCheck || !gone.contains(finding.principal());
  }

  /**
   * The users' exemptions in force on the audit's day, read once per user: a central grant,
   * narrowed by what the user's own exemption tags validly ask. Tags alone exempt nobody.
   */
  private static final class Exemptions {
    private final CheckContext context;
    private final Optional<AuthorizationDetails> details;
    private final LocalDate today;
    private final Map<String, Optional<Exemption>> byUser = new HashMap<>();

    Exemptions(CheckContext context) {
      this.context = context;
      this.details = context.inventory().authorization();
      this.today = LocalDate.ofInstant(context.asOf(), ZoneOffset.UTC);
    }

    Optional<Exemption> covering(Finding finding) {
      return byUser
          .computeIfAbsent(finding.principal(), this::inForce)
          .filter(e -> e.covers(finding.checkId()));
    }

    private Optional<Exemption> inForce(String principal) {
      Optional<ExemptionGrant> grant = context.grantInForce(principal);
      if (grant.isEmpty()) {
        return Optional.empty();
      }
      Map<String, String> tags =
          details.flatMap(d -> d.user(principal)).map(IamUser::tags).orElse(Map.of());
      return Exemption.granted(grant.get(), Exemption.read(tags, CheckCatalog.ids()))
          .filter(e -> e.activeOn(today));
    }
  }
}
