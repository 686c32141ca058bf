package dev.keywarden.checks;

import dev.keywarden.inventory.IamGroup;
import dev.keywarden.inventory.IamRole;
import dev.keywarden.inventory.IamSurface;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.inventory.ManagedPolicy;
import dev.keywarden.inventory.PolicyDocument;
import dev.keywarden.inventory.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What the checks on roles, policies, certificates and account settings share. */
final class Surfaces {
  static final String MISSING =
      "roles, customer-managed policies, certificates and account settings are not in this"
          + " inventory, as in an offline audit of a report file";

  /** AWS-managed policies that some checks judge by their ARN. */
  static final String SUPPORT_ACCESS_ARN = "arn:aws:iam::aws:policy/AWSSupportAccess";

  static final String CLOUDSHELL_FULL_ACCESS_ARN =
      "arn:aws:iam::aws:policy/AWSCloudShellFullAccess";

  private Surfaces() {}

  static Optional<IamSurface> of(CheckContext context) {
    return context.inventory().surface();
  }

  /**
   * "managed policy X attached to H", "inline policy Y of H" for each policy that grants {@code
   * *:*}.
   */
  static List<String> adminGrants(
      List<PolicyDocument> attached, List<PolicyDocument> inline, String holder) {
    List<String> grants = new ArrayList<>();
    for (PolicyDocument policy : attached) {
      if (PolicyDocument.ADMINISTRATOR_ACCESS_ARN.equals(policy.arn())
          || PolicyDocuments.grantsFullAdmin(policy.document())) {
        grants.add("managed policy " + policy.name() + " attached to " + holder);
      }
    }
    for (PolicyDocument policy : inline) {
      if (PolicyDocuments.grantsFullAdmin(policy.document())) {
        grants.add("inline policy " + policy.name() + " of " + holder);
      }
    }
    return grants;
  }

  /** How a user comes by {@code *:*}: its own policies and its groups'; empty when it does not. */
  static List<String> userAdminGrants(IamUser user, java.util.Map<String, IamGroup> groups) {
    List<String> grants =
        new ArrayList<>(adminGrants(user.attachedPolicies(), user.inlinePolicies(), "the user"));
    for (String groupName : user.groups()) {
      IamGroup group = groups.get(groupName);
      if (group != null) {
        grants.addAll(
            adminGrants(group.attachedPolicies(), group.inlinePolicies(), "group " + groupName));
      }
    }
    return grants;
  }

  /**
   * One finding per role, in the surface's order, for which {@code message} has something to say;
   * skipped when the surface was not read.
   */
  static CheckOutcome eachRole(
      CheckContext context, CheckMetadata metadata, Function<IamRole, Optional<String>> message) {
    return each(
        context, metadata, IamSurface::roles, role -> "role/" + role.name(), IamRole::arn, message);
  }

  /**
   * One finding per customer-managed policy, in the surface's order, for which {@code message} has
   * something to say; skipped when the surface was not read.
   */
  static CheckOutcome eachLocalPolicy(
      CheckContext context,
      CheckMetadata metadata,
      Function<ManagedPolicy, Optional<String>> message) {
    return each(
        context,
        metadata,
        IamSurface::localPolicies,
        policy -> "policy/" + policy.name(),
        ManagedPolicy::arn,
        message);
  }

  private static <T> CheckOutcome each(
      CheckContext context,
      CheckMetadata metadata,
      Function<IamSurface, List<T>> items,
      Function<T, String> resource,
      Function<T, String> arn,
      Function<T, Optional<String>> message) {
    if (of(context).isEmpty()) {
      return CheckOutcome.skipped(MISSING);
    }
    List<Finding> findings = new ArrayList<>();
    for (T item : items.apply(of(context).get())) {
      message
          .apply(item)
          .ifPresent(
              text ->
                  findings.add(
                      Finding.of(
                          metadata,
                          context.accountId(),
                          resource.apply(item),
                          arn.apply(item),
                          text)));
    }
    return CheckOutcome.of(findings);
  }

  /**
   * The outcome of a check that judges one account setting of the surface: skipped when the surface
   * or the setting could not be read, no finding when the setting is on, else one finding on the
   * account (see {@link #accountFinding}).
   */
  static CheckOutcome accountSetting(
      CheckContext context,
      CheckMetadata metadata,
      Function<IamSurface, Reading<Boolean>> setting,
      String aspect,
      String message) {
    if (of(context).isEmpty()) {
      return CheckOutcome.skipped(MISSING);
    }
    Reading<Boolean> reading = setting.apply(of(context).get());
    if (!reading.known()) {
      return CheckOutcome.skipped(reading.missingBecause().orElseThrow());
    }
    if (reading.value().get()) {
      return CheckOutcome.of(List.of());
    }
    return accountFinding(context, metadata, aspect, message);
  }

  /**
   * One finding on the audited account itself, its resource the root ARN with {@code aspect}
   * appended (such as {@code "#support-role"}).
   */
  static CheckOutcome accountFinding(
      CheckContext context, CheckMetadata metadata, String aspect, String message) {
    String accountId = context.accountId();
    return CheckOutcome.of(
        List.of(
            Finding.of(
                metadata,
                accountId,
                Finding.ACCOUNT,
                Resources.rootArn(accountId) + aspect,
                message)));
  }

  static boolean attaches(List<PolicyDocument> attached, String arn) {
    return attached.stream().anyMatch(p -> arn.equals(p.arn()));
  }
}
