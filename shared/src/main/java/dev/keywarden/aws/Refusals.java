package dev.keywarden.aws;

import dev.keywarden.inventory.Reading;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Reads an optional part of the inventory, turning a call the account or endpoint refuses into the
 * reason that part is missing, so that the checks on it are skipped rather than passed.
 *
 * <p>Refused: a denial (the member role predates the permission), or the endpoint not knowing the
 * operation: an error code that says so, or an HTTP 404/500/501 answer with no AWS error code at
 * all (what a local emulator that does not implement the API sends). Any other error is a real
 * failure and is thrown.
 */
final class Refusals {
  private static final Set<String> UNKNOWN_CODES =
      Set.of("InvalidAction", "UnknownOperationException", "UnknownOperation", "NotImplemented");

  /** The words every refused-as-unknown reason carries. */
  static final String AS_UNKNOWN = "as unknown";

  private Refusals() {}

  static <T> Reading<T> read(String action, String principal, Supplier<T> call) {
    try {
      return Reading.of(call.get());
    } catch (AwsServiceException e) {
      return Reading.missing(reason(action, principal, e).orElseThrow(() -> e));
    }
  }

  /** Why a refused call's part is missing, or empty when the error is not a refusal. */
  static java.util.Optional<String> reason(String action, String principal, AwsServiceException e) {
    String code = code(e);
    if (IamInventoryReader.isDenied(e)) {
      return java.util.Optional.of(
          action
              + " was denied for "
              + principal
              + " ("
              + code
              + "): grant it to the audit role (update the member role stack)");
    }
    if (unknown(e)) {
      return java.util.Optional.of(
          "the endpoint refused "
              + action
              + " "
              + AS_UNKNOWN
              + " (HTTP "
              + e.statusCode()
              + (code.isEmpty() ? "" : ", " + code)
              + "): it does not implement the API, as the local emulator does not");
    }
    return java.util.Optional.empty();
  }

  static boolean unknown(AwsServiceException e) {
    String code = code(e);
    if (UNKNOWN_CODES.contains(code)) {
      return true;
    }
    int status = e.statusCode();
    boolean noAwsCode = code.isEmpty() || code.chars().allMatch(Character::isDigit);
    return noAwsCode && (status == 404 || status == 500 || status == 501);
  }

  private static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null ? "" : Objects.toString(e.awsErrorDetails().errorCode(), "");
  }
}
