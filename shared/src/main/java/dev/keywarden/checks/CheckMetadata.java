package dev.keywarden.checks;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a check is, kept beside its logic: id, title, severity, compliance mapping, the fix, and the
 * traits by which the rest of Keywarden treats its findings (so that no report or planner keeps its
 * own list of check ids).
 *
 * <p>A check with no traits is built with the seven- or eight-argument constructor; traits are
 * added with {@link #withTraits}, so that a new trait never changes how existing checks are
 * written.
 *
 * @param id the stable id, such as {@code key-expired}; findings and exemptions name it
 * @param title a short statement of the problem
 * @param rule exactly when the check fires, with the settings that tune it
 * @param severity how urgent a finding of this check is
 * @param cis CIS AWS Foundations Benchmark (v3.0.0) recommendation numbers, such as {@code 1.14}
 * @param cisV5 CIS AWS Foundations Benchmark v5.0.0 recommendation numbers, the version Security
 *     Hub supports (v4.0.0 dropped v3's 1.3, so section 1 from 1.4 on moved up by one)
 * @param securityHub AWS Security Hub control ids, such as {@code IAM.3}
 * @param remediation what to do, in a sentence or two
 * @param traits how the rest of Keywarden treats this check's findings; empty for most checks
 */
public record CheckMetadata(
    String id,
    String title,
    String rule,
    Severity severity,
    List<String> cis,
    List<String> cisV5,
    List<String> securityHub,
    String remediation,
    Set<CheckTrait> traits) {
  public CheckMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    cis = List.copyOf(cis);
    cisV5 = List.copyOf(cisV5);
    securityHub = List.copyOf(securityHub);
    Objects.requireNonNull(remediation, "remediation");
    traits = Set.copyOf(traits);
  }

  /** A check with no traits, whose CIS v5.0.0 numbers are given apart from its v3.0.0 ones. */
  public CheckMetadata(
      String id,
      String title,
      String rule,
      Severity severity,
      List<String> cis,
      List<String> cisV5,
      List<String> securityHub,
      String remediation) {
    this(id, title, rule, severity, cis, cisV5, securityHub, remediation, Set.of());
  }

  /**
   * A check with no traits, whose CIS v5.0.0 numbers follow from its v3.0.0 ones ({@link
   * CisNumbers#v5FromV3}).
   */
  public CheckMetadata(
      String id,
      String title,
      String rule,
      Severity severity,
      List<String> cis,
      List<String> securityHub,
      String remediation) {
    this(
        id,
        title,
        rule,
        severity,
        cis,
        CisNumbers.v5FromV3(cis),
        securityHub,
        remediation,
        Set.of());
  }

  /** This metadata with the given traits added to those it has. */
  public CheckMetadata withTraits(CheckTrait... added) {
    Set<CheckTrait> all = EnumSet.noneOf(CheckTrait.class);
    all.addAll(traits);
    all.addAll(List.of(added));
    return new CheckMetadata(id, title, rule, severity, cis, cisV5, securityHub, remediation, all);
  }

  /** Whether this check has the trait. */
  public boolean has(CheckTrait trait) {
    return traits.contains(trait);
  }
}
