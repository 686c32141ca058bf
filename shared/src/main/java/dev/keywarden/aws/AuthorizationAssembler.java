package dev.keywarden.aws;

import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.IamGroup;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.inventory.PolicyDocument;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * Turns the pages of {@code GetAccountAuthorizationDetails} into {@link AuthorizationDetails}.
 *
 * <p>Kept apart from the calls because a user on one page may attach a customer-managed policy
 * listed on a later page: every page is read before any document is resolved.
 */
final class AuthorizationAssembler {
  private AuthorizationAssembler() {}

  static AuthorizationDetails assemble(Iterable<GetAccountAuthorizationDetailsResponse> pages) {
    List<UserDetail> userDetails = new ArrayList<>();
    List<GroupDetail> groupDetails = new ArrayList<>();
    Map<String, String> localDocuments = new HashMap<>();
    for (GetAccountAuthorizationDetailsResponse page : pages) {
      userDetails.addAll(page.userDetailList());
      groupDetails.addAll(page.groupDetailList());
      page.policies().forEach(policy -> localDocuments.put(policy.arn(), defaultDocument(policy)));
    }

    Map<String, IamUser> users = new LinkedHashMap<>();
    for (UserDetail user : userDetails) {
      users.put(
          user.userName(),
          new IamUser(
              user.userName(),
              user.arn(),
              user.createDate(),
              tags(user.tags()),
              user.groupList(),
              attached(user.attachedManagedPolicies(), localDocuments),
              inline(user.userPolicyList())));
    }
    Map<String, IamGroup> groups = new LinkedHashMap<>();
    for (GroupDetail group : groupDetails) {
      groups.put(
          group.groupName(),
          new IamGroup(
              group.groupName(),
              attached(group.attachedManagedPolicies(), localDocuments),
              inline(group.groupPolicyList())));
    }
    return new AuthorizationDetails(users, groups);
  }

  /**
   * Decodes a policy document as IAM returns it: URL-encoded (RFC 3986). A document that already
   * reads as JSON is returned as it is, so a {@code %} or {@code +} inside it is never mangled.
   */
  static String decode(String document) {
    if (document == null || document.isEmpty()) {
      return "";
    }
    String trimmed = document.strip();
    if (trimmed.startsWith("{")) {
      return document;
    }
    // RFC 3986 encodes a space as %20 and a plus as %2B; a raw '+' is a plus, not a space.
    return URLDecoder.decode(document.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The policy's default version's document, decoded; "" when no version is the default. */
  static String defaultDocument(ManagedPolicyDetail policy) {
    return policy.policyVersionList().stream()
        .filter(
            v ->
                Boolean.TRUE.equals(v.isDefaultVersion())
                    || Objects.equals(v.versionId(), policy.defaultVersionId()))
        .map(PolicyVersion::document)
        .map(AuthorizationAssembler::decode)
        .findFirst()
        .orElse("");
  }

  private static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> map = new HashMap<>();
    tags.forEach(tag -> map.put(tag.key(), tag.value() == null ? "" : tag.value()));
    return map;
  }

  /**
   * Customer-managed documents come from the LocalManagedPolicy pages; AWS-managed ones stay "".
   */
  static List<PolicyDocument> attached(
      List<AttachedPolicy> policies, Map<String, String> localDocuments) {
    return policies.stream()
        .map(
            p ->
                new PolicyDocument(
                    p.policyName(), p.policyArn(), localDocuments.getOrDefault(p.policyArn(), "")))
        .toList();
  }

  /** Inline policies, which have no ARN, with their documents decoded. */
  static List<PolicyDocument> inline(List<PolicyDetail> policies) {
    return policies.stream()
        .map(p -> new PolicyDocument(p.policyName(), "", decode(p.policyDocument())))
        .toList();
  }
}
