package dev.keywarden.inventory;

import java.util.Objects;
import java.util.Optional;

/**
 * A part of the inventory that was read, or the reason it could not be (the call is not allowed in
 * this account, the endpoint does not implement it, the setting that pays for it is off). A check
 * on a part that was not read is skipped with that reason, never passed.
 *
 * @param value what was read; empty when it was not
 * @param missingBecause why it was not read; empty when it was
 */
public record Reading<T>(Optional<T> value, Optional<String> missingBecause) {
  public Reading {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(missingBecause, "missingBecause");
    if (value.isPresent() == missingBecause.isPresent()) {
      throw new IllegalArgumentException(
          "a reading has either a value or a reason it is missing, not both or neither");
    }
  }

  public static <T> Reading<T> of(T value) {
    return new Reading<>(Optional.of(value), Optional.empty());
  }

  public static <T> Reading<T> missing(String because) {
    return new Reading<>(Optional.empty(), Optional.of(because));
  }

  public boolean known() {
    return value.isPresent();
  }
}
