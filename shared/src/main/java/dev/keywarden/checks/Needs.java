package dev.keywarden.checks;

import dev.keywarden.inventory.ReportColumn;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Why a check cannot run: the inventory parts and report columns checks depend on. */
final class Needs {
  static final ReportColumn[] KEYS_ACTIVE = {
    ReportColumn.ACCESS_KEY_1_ACTIVE, ReportColumn.ACCESS_KEY_2_ACTIVE
  };
  static final ReportColumn[] KEYS_ROTATED = {
    ReportColumn.ACCESS_KEY_1_ACTIVE, ReportColumn.ACCESS_KEY_1_LAST_ROTATED,
    ReportColumn.ACCESS_KEY_2_ACTIVE, ReportColumn.ACCESS_KEY_2_LAST_ROTATED
  };
  static final ReportColumn[] KEYS_USED = {
    ReportColumn.ACCESS_KEY_1_LAST_USED_DATE, ReportColumn.ACCESS_KEY_2_LAST_USED_DATE
  };

  static final String AUTHORIZATION =
      "the users' tags, groups and policies (GetAccountAuthorizationDetails) are not in this"
          + " inventory, as in an offline audit of a report file";
  static final String PASSWORD_POLICY =
      "the account password policy (GetAccountPasswordPolicy) is not in this inventory,"
          + " as in an offline audit of a report file";
  static final String ROOT_MFA_TYPE =
      "whether root's MFA device is virtual (ListVirtualMFADevices) is not in this inventory,"
          + " as in an offline audit of a report file";

  private Needs() {}

  /** The reason to skip when the report lacks any of the columns, else empty. */
  static Optional<String> columns(CheckContext context, ReportColumn... columns) {
    List<String> missing =
        Arrays.stream(columns)
            .distinct()
            .filter(c -> !context.inventory().credentialReport().has(c))
            .map(ReportColumn::header)
            .toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "the credential report has no "
            + String.join(", ", missing)
            + (missing.size() == 1 ? " column" : " columns"));
  }

  /** Joins column groups, for checks that need several. */
  static ReportColumn[] all(ReportColumn[]... groups) {
    return Arrays.stream(groups).flatMap(Arrays::stream).toArray(ReportColumn[]::new);
  }

  /** Joins check ids or tag keys for messages. */
  static String list(List<String> items) {
    return items.stream().collect(Collectors.joining(", "));
  }
}
