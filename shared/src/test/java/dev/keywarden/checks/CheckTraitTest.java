package dev.keywarden.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckTraitTest {
  private static List<String> idsWith(CheckTrait trait) {
    return CheckCatalog.all().stream()
        .map(Check::metadata)
        .filter(m -> m.has(trait))
        .map(CheckMetadata::id)
        .toList();
  }

  @Test
  void keyDeadline_isTheTwoChecksThatCarryAKeysDeadline() {
    assertThat(idsWith(CheckTrait.KEY_DEADLINE)).containsExactly("key-rotation-due", "key-expired");
  }

  @Test
  void root_isEveryCheckOfTheRootUser() {
    assertThat(idsWith(CheckTrait.ROOT))
        .containsExactly(
            "root-access-key", "root-no-mfa", "root-no-hardware-mfa", "root-recently-used");
  }

  @Test
  void has_whenIdUnknownToTheCatalogue_isFalse() {
    assertThat(CheckCatalog.has("root-like-but-unknown", CheckTrait.ROOT)).isFalse();
    assertThat(CheckCatalog.has("key-expired", CheckTrait.ROOT)).isFalse();
    assertThat(CheckCatalog.has("key-expired", CheckTrait.KEY_DEADLINE)).isTrue();
  }

  @Test
  void sevenArgumentConstructor_hasNoTraits() {
    CheckMetadata plain =
        new CheckMetadata("x", "t", "r", Severity.LOW, List.of(), List.of(), "fix");

    assertThat(plain.traits()).isEmpty();
    assertThat(plain.has(CheckTrait.ROOT)).isFalse();
  }

  @Test
  void withTraits_addsToTheTraitsAndKeepsEveryOtherField() {
    CheckMetadata plain =
        new CheckMetadata("x", "t", "r", Severity.LOW, List.of("1.1"), List.of("IAM.1"), "fix");

    CheckMetadata both = plain.withTraits(CheckTrait.ROOT).withTraits(CheckTrait.KEY_DEADLINE);

    assertThat(both.traits()).containsExactlyInAnyOrder(CheckTrait.ROOT, CheckTrait.KEY_DEADLINE);
    assertThat(both).usingRecursiveComparison().ignoringFields("traits").isEqualTo(plain);
  }
}
