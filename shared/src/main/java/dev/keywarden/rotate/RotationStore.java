package dev.keywarden.rotate;

import java.util.List;
import java.util.Map;

/**
 * Where assisted rotations are remembered between runs, one record per user (its latest attempt).
 * Implemented on the findings table by {@code dev.keywarden.aws.DynamoRotationStore}.
 */
public interface RotationStore {
  /** The account's rotations by user name, read consistently. */
  Map<String, RotationRecord> rotations(String accountId);

  /** Every account's rotations, for the weekly report. */
  List<RotationRecord> all();

  /**
   * Writes the record if the stored one has the version before it (or, for version 1, none or a
   * finished one is stored).
   *
   * @return false when another run changed it first
   */
  boolean put(RotationRecord record);
}
