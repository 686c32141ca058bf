package dev.keywarden.checks;

import java.util.List;

/**
 * CIS AWS Foundations Benchmark numbering across versions, so each check states its controls once.
 */
public final class CisNumbers {
  private CisNumbers() {}

  /**
   * The v5.0.0 number of a v3.0.0 section-1 recommendation. v4.0.0 removed v3's 1.3 (security
   * questions), so v3's 1.4 to 1.22 are v5's 1.3 to 1.21; 1.1 and 1.2 and other sections are
   * unchanged.
   *
   * @throws IllegalArgumentException for v3's 1.3, which has no v5 counterpart, or a malformed
   *     number
   */
  public static String v5FromV3(String v3) {
    if (!v3.matches("\\d+(\\.\\d+)+")) {
      throw new IllegalArgumentException(
          "a CIS recommendation number looks like 1.14, got '" + v3 + "'");
    }
    String[] parts = v3.split("\\.");
    if (parts.length != 2 || !parts[0].equals("1")) {
      return v3;
    }
    int n = Integer.parseInt(parts[1]);
    if (n == 3) {
      throw new IllegalArgumentException(
          "CIS v3.0.0 1.3 (security questions) has no v5.0.0 counterpart");
    }
    return n < 3 ? v3 : "1." + (n - 1);
  }

  static List<String> v5FromV3(List<String> v3) {
    return v3.stream().map(CisNumbers::v5FromV3).toList();
  }
}
