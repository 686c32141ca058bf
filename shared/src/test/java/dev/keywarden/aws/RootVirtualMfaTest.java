package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

class RootVirtualMfaTest {
  @ParameterizedTest(name = "root MFA {0}, device user {1}, serial {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "true  | arn:aws:iam::111122223333:root       | arn:aws:iam::111122223333:mfa/root-account-mfa-device | true",
        "true  | arn:aws:iam::111122223333:root       | arn:aws:iam::111122223333:mfa/my-phone                | true",
        "true  | -                                    | arn:aws:iam::111122223333:mfa/root-account-mfa-device | true",
        "true  | arn:aws:iam::111122223333:user/alice | arn:aws:iam::111122223333:mfa/alice                   | false",
        "false | arn:aws:iam::111122223333:root       | arn:aws:iam::111122223333:mfa/root-account-mfa-device | false",
      })
  void rootHasVirtualMfa_whenDeviceAssigned_decidesByRootUserOrSerial(
      boolean rootMfaEnabled, String deviceUserArn, String serial, boolean expected) {
    VirtualMFADevice.Builder device = VirtualMFADevice.builder().serialNumber(serial);
    if (deviceUserArn != null) {
      device.user(User.builder().arn(deviceUserArn).build());
    }

    assertThat(IamInventoryReader.rootHasVirtualMfa(rootMfaEnabled, List.of(device.build())))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"true", "false"})
  void rootHasVirtualMfa_whenNoDeviceAssigned_isFalse(boolean rootMfaEnabled) {
    assertThat(IamInventoryReader.rootHasVirtualMfa(rootMfaEnabled, List.of())).isFalse();
  }
}
