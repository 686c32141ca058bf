package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.administratorAccess;
import static dev.keywarden.checks.Inventories.inline;
import static dev.keywarden.checks.Inventories.managed;
import static dev.keywarden.checks.Inventories.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserFullAdminCheckTest {
  private static final Check CHECK = new UserFullAdminCheck();
  private static final String STAR =
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final String S3 =
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}";

  private static List<Finding> findings(Inventories inventory) {
    return CHECK.evaluate(inventory.context()).findings();
  }

  @Test
  void evaluate_whenAdministratorAccessAttached_findsTheUser() {
    Inventories.Row alice = user("alice").attached(administratorAccess());

    assertThat(findings(Inventories.online().with(alice)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resourceId()).isEqualTo(alice.arn);
              assertThat(f.message())
                  .isEqualTo(
                      "alice is granted *:* (full administrator) through managed policy AdministratorAccess attached to the user");
            });
  }

  @Test
  void evaluate_whenInlineDocumentGrantsStar_namesThePolicy() {
    assertThat(
            findings(Inventories.online().with(user("alice").inline(inline("everything", STAR)))))
        .singleElement()
        .satisfies(
            f -> assertThat(f.message()).endsWith("through inline policy everything of the user"));
  }

  @Test
  void evaluate_whenCustomerManagedDocumentGrantsStar_namesThePolicy() {
    assertThat(findings(Inventories.online().with(user("alice").attached(managed("Ops", STAR)))))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .endsWith("through managed policy Ops attached to the user"));
  }

  @Test
  void evaluate_whenGrantedThroughGroups_namesEachGroup() {
    Inventories inventory =
        Inventories.online()
            .group("admins", administratorAccess())
            .groupWithInline("ops", inline("all", STAR))
            .with(user("bob").inGroup("admins").inGroup("ops"));

    assertThat(findings(inventory))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo(
                        "bob is granted *:* (full administrator) through managed policy AdministratorAccess attached to group admins;"
                            + " inline policy all of group ops"));
  }

  @Test
  void evaluate_whenPoliciesAreScoped_findsNothing() {
    Inventories inventory =
        Inventories.online()
            .group("devs", managed("S3", S3))
            .with(user("bob").inGroup("devs").inline(inline("s3", S3)));

    assertThat(findings(inventory)).isEmpty();
  }

  @Test
  void evaluate_whenGroupUnknown_ignoresIt() {
    assertThat(findings(Inventories.online().with(user("bob").inGroup("gone")))).isEmpty();
  }

  @Test
  void evaluate_whenOffline_isSkipped() {
    assertThat(CHECK.evaluate(Inventories.offline().context()).skipped()).isTrue();
  }
}
