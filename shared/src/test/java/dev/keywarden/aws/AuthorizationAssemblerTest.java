package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.inventory.PolicyDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;

class AuthorizationAssemblerTest {
  private static final String ADMIN_JSON =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final String ADMIN_ENCODED =
      "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D";
  private static final String LOCAL_ARN = "arn:aws:iam::111122223333:policy/team/admin";
  private static final String READ_ONLY_ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  private static final Instant CREATED = Instant.parse("2024-03-01T10:00:00Z");

  private static UserDetail user(String name, AttachedPolicy... attached) {
    return UserDetail.builder()
        .userName(name)
        .arn("arn:aws:iam::111122223333:user/" + name)
        .createDate(CREATED)
        .attachedManagedPolicies(attached)
        .build();
  }

  private static AttachedPolicy attached(String name, String arn) {
    return AttachedPolicy.builder().policyName(name).policyArn(arn).build();
  }

  /** Users on page 1 and 2, the group on page 2, the local policy's versions only on page 3. */
  private static List<GetAccountAuthorizationDetailsResponse> threePages() {
    GetAccountAuthorizationDetailsResponse page1 =
        GetAccountAuthorizationDetailsResponse.builder()
            .userDetailList(
                user("alice", attached("admin", LOCAL_ARN)).toBuilder()
                    .tags(Tag.builder().key("owner").value("alice@example.com").build())
                    .groupList("devs")
                    .userPolicyList(
                        PolicyDetail.builder()
                            .policyName("inline-admin")
                            .policyDocument(ADMIN_ENCODED)
                            .build())
                    .build())
            .isTruncated(true)
            .marker("m1")
            .build();
    GetAccountAuthorizationDetailsResponse page2 =
        GetAccountAuthorizationDetailsResponse.builder()
            .userDetailList(user("bob", attached("ReadOnlyAccess", READ_ONLY_ARN)))
            .groupDetailList(
                GroupDetail.builder()
                    .groupName("devs")
                    .attachedManagedPolicies(attached("admin", LOCAL_ARN))
                    .groupPolicyList(
                        PolicyDetail.builder()
                            .policyName("group-inline")
                            .policyDocument(ADMIN_ENCODED)
                            .build())
                    .build())
            .isTruncated(true)
            .marker("m2")
            .build();
    GetAccountAuthorizationDetailsResponse page3 =
        GetAccountAuthorizationDetailsResponse.builder()
            .userDetailList(user("carol"))
            .policies(
                ManagedPolicyDetail.builder()
                    .arn(LOCAL_ARN)
                    .policyName("admin")
                    .defaultVersionId("v2")
                    .policyVersionList(
                        PolicyVersion.builder()
                            .versionId("v1")
                            .isDefaultVersion(false)
                            .document("%7B%7D")
                            .build(),
                        PolicyVersion.builder()
                            .versionId("v2")
                            .isDefaultVersion(true)
                            .document(ADMIN_ENCODED)
                            .build())
                    .build())
            .isTruncated(false)
            .build();
    return List.of(page1, page2, page3);
  }

  @Test
  void assemble_whenUsersSpanThreePages_keepsEveryUser() {
    AuthorizationDetails details = AuthorizationAssembler.assemble(threePages());

    assertThat(details.users()).containsOnlyKeys("alice", "bob", "carol");
  }

  @Test
  void assemble_whenUserHasTagsGroupsAndInlinePolicy_keepsThemDecoded() {
    IamUser alice = AuthorizationAssembler.assemble(threePages()).user("alice").orElseThrow();

    assertThat(alice.arn()).isEqualTo("arn:aws:iam::111122223333:user/alice");
    assertThat(alice.created()).isEqualTo(CREATED);
    assertThat(alice.tags()).containsExactly(Map.entry("owner", "alice@example.com"));
    assertThat(alice.groups()).containsExactly("devs");
    assertThat(alice.inlinePolicies())
        .containsExactly(new PolicyDocument("inline-admin", "", ADMIN_JSON));
  }

  @Test
  void assemble_whenLocalPolicyListedOnLaterPage_resolvesItsDefaultVersion() {
    IamUser alice = AuthorizationAssembler.assemble(threePages()).user("alice").orElseThrow();

    assertThat(alice.attachedPolicies())
        .containsExactly(new PolicyDocument("admin", LOCAL_ARN, ADMIN_JSON));
  }

  @Test
  void assemble_whenPolicyIsAwsManaged_keepsArnWithEmptyDocument() {
    IamUser bob = AuthorizationAssembler.assemble(threePages()).user("bob").orElseThrow();

    assertThat(bob.attachedPolicies())
        .containsExactly(new PolicyDocument("ReadOnlyAccess", READ_ONLY_ARN, ""));
  }

  @Test
  void assemble_whenGroupHasPolicies_resolvesAttachedAndDecodesInline() {
    AuthorizationDetails details = AuthorizationAssembler.assemble(threePages());

    assertThat(details.groups()).containsOnlyKeys("devs");
    assertThat(details.groups().get("devs").attachedPolicies())
        .containsExactly(new PolicyDocument("admin", LOCAL_ARN, ADMIN_JSON));
    assertThat(details.groups().get("devs").inlinePolicies())
        .containsExactly(new PolicyDocument("group-inline", "", ADMIN_JSON));
  }

  @Test
  void assemble_whenUserHasNoPolicies_hasNoDirectPolicies() {
    IamUser carol = AuthorizationAssembler.assemble(threePages()).user("carol").orElseThrow();

    assertThat(carol.hasDirectPolicies()).isFalse();
    assertThat(carol.tags()).isEmpty();
  }

  @Test
  void assemble_whenNoPages_isEmpty() {
    AuthorizationDetails details = AuthorizationAssembler.assemble(List.of());

    assertThat(details.users()).isEmpty();
    assertThat(details.groups()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "%7B%22Action%22%3A%22s3%3AGet%2A%22%7D | {\"Action\":\"s3:Get*\"}",
        "%7B%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Aa%20b%2F%2A%22%7D | {\"Resource\":\"arn:aws:s3:::a b/*\"}",
        "%7B%22Sid%22%3A%22a+b%22%7D | {\"Sid\":\"a+b\"}",
        "%7B%22Sid%22%3A%22caf%C3%A9%22%7D | {\"Sid\":\"café\"}",
        "{\"Sid\":\"100%\"} | {\"Sid\":\"100%\"}",
      })
  void decode_whenDocumentIsUrlEncodedOrAlreadyJson_returnsTheJson(
      String document, String expected) {
    assertThat(AuthorizationAssembler.decode(document)).isEqualTo(expected);
  }
}
