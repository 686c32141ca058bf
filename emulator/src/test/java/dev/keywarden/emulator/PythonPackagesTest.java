package dev.keywarden.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PythonPackagesTest {
  @Test
  void pinned_requirementWithoutVersion_isRefusedNamingIt() {
    assertThatThrownBy(() -> PythonPackages.pinned("tools", "ocsf-emitter"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ocsf-emitter' is not pinned");
  }

  @Test
  void pinned_rangeInsteadOfOneVersion_isRefused() {
    assertThatThrownBy(() -> PythonPackages.pinned("tools", "pydantic>=2.6"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'pydantic>=2.6' is not pinned");
  }

  @Test
  void pinned_nameWithAPathInIt_isRefused() {
    assertThatThrownBy(() -> PythonPackages.pinned("../elsewhere", "moto==5.2.5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'../elsewhere' is not a plain name");
  }

  @Test
  void pinned_noRequirement_isRefused() {
    assertThatThrownBy(() -> PythonPackages.pinned("tools"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no requirement");
  }

  @Test
  void pinned_packagesWithExtras_liveInTheirOwnVirtualenvUnderTheEmulatorFolder() {
    PythonPackages tools = PythonPackages.pinned("ocsf-tools", "moto[server]==5.2.5", "a.b_c==1.0");

    assertThat(tools.dir().getFileName()).hasToString("ocsf-tools");
    assertThat(tools.dir().getParent())
        .isEqualTo(
            EmulatorSettings.installDir(
                System::getProperty, System::getenv, System.getProperty("user.home")));
  }
}
