package dev.keywarden.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.config.OrgSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountSelectionTest {
  private static final String ACCOUNT = "111111111111";

  private static Set<String> set(String csv) {
    return csv == null ? Set.of() : Set.copyOf(Arrays.asList(csv.split(";")));
  }

  private static List<String> list(String csv) {
    return csv == null ? List.of() : Arrays.asList(csv.split(";"));
  }

  @ParameterizedTest(name = "[{index}] inOus={0} outOus={1} in={2} out={3} path={4} -> {5}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // nothing set: everything is in
        "-|-|-|-|r-root;ou-root-a|true",
        // excluded by id, or by any OU above
        "-|-|-|111111111111|r-root|false",
        "-|ou-root-a|-|-|r-root;ou-root-a;ou-root-b|false",
        "-|ou-root-b|-|-|r-root;ou-root-a;ou-root-b|false",
        "-|ou-root-x|-|-|r-root;ou-root-a|true",
        // an include list restricts to what it names, at any depth
        "ou-root-a|-|-|-|r-root;ou-root-a;ou-root-b|true",
        "ou-root-x|-|-|-|r-root;ou-root-a|false",
        "r-root|-|-|-|r-root;ou-root-a|true",
        "-|-|111111111111|-|r-root|true",
        "-|-|222222222222|-|r-root|false",
        "ou-root-x|-|111111111111|-|r-root;ou-root-a|true",
        // exclusion wins over inclusion
        "ou-root-a|ou-root-b|-|-|r-root;ou-root-a;ou-root-b|false",
        "-|-|111111111111|111111111111|r-root|false",
        "r-root|-|-|111111111111|r-root|false",
      })
  void selects_followsIncludeAndExcludeLists(
      String inOus, String outOus, String in, String out, String path, boolean expected) {
    AccountSelection selection = new AccountSelection(set(inOus), set(outOus), set(in), set(out));

    assertThat(selection.selects(ACCOUNT, list(path))).isEqualTo(expected);
  }

  @Test
  void needsOuTree_whenOnlyAccountListsAreSet_isFalse() {
    assertThat(
            new AccountSelection(Set.of(), Set.of(), Set.of(ACCOUNT), Set.of("222222222222"))
                .needsOuTree())
        .isFalse();
    assertThat(AccountSelection.all().needsOuTree()).isFalse();
  }

  @Test
  void needsOuTree_whenAnOuListIsSet_isTrue() {
    assertThat(
            new AccountSelection(Set.of(), Set.of("ou-ab12-cdefgh34"), Set.of(), Set.of())
                .needsOuTree())
        .isTrue();
  }

  @Test
  void of_takesTheListsFromTheSettings() {
    OrgSettings org =
        new OrgSettings(
            "R",
            Optional.empty(),
            List.of("r-ab12"),
            List.of("ou-ab12-cdefgh34"),
            List.of(ACCOUNT),
            List.of("222222222222"),
            Optional.empty());

    assertThat(AccountSelection.of(org))
        .isEqualTo(
            new AccountSelection(
                Set.of("r-ab12"),
                Set.of("ou-ab12-cdefgh34"),
                Set.of(ACCOUNT),
                Set.of("222222222222")));
  }
}
