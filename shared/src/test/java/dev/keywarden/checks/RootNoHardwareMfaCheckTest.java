package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.root;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RootNoHardwareMfaCheckTest {
  private static final Check CHECK = new RootNoHardwareMfaCheck();

  @Test
  void evaluate_whenRootMfaIsVirtual_findsRoot() {
    assertThat(CHECK.evaluate(Inventories.online().rootVirtualMfa(true).context()).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("virtual"));
  }

  @Test
  void evaluate_whenRootMfaIsHardware_findsNothing() {
    assertThat(CHECK.evaluate(Inventories.online().rootVirtualMfa(false).context()).findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenRootHasNoMfaAtAll_leavesItToRootNoMfa() {
    CheckContext context =
        Inventories.online().summary(false, false).rootVirtualMfa(true).context();

    assertThat(CHECK.evaluate(context).findings()).isEmpty();
  }

  @Test
  void evaluate_whenRootRowHasNoMfa_leavesItToRootNoMfa() {
    CheckContext context = Inventories.online().withRoot(root()).rootVirtualMfa(true).context();

    assertThat(CHECK.evaluate(context).findings()).isEmpty();
  }

  @Test
  void evaluate_whenMfaTypeUnknown_isSkipped() {
    assertThat(
            CHECK.evaluate(Inventories.offline().withRoot(root().mfa()).context()).skippedBecause())
        .hasValueSatisfying(r -> assertThat(r).contains("ListVirtualMFADevices"));
  }
}
