package org.paternoster.elevator.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DriverConfigTest {
  @Test
  void hardwareAddressesParse() {
    assertThat(DriverConfig.parse("localhost:15658", 4)).satisfies(c -> {
      assertThat(c.host()).isEqualTo("localhost");
      assertThat(c.port()).isEqualTo(15658);
      assertThat(c.floors()).isEqualTo(4);
      assertThat(c.pollIntervalMs()).isEqualTo(20);
    });
    assertThat(DriverConfig.parse("10.0.0.7", 4).port()).isEqualTo(DriverConfig.DEFAULT_PORT);
    assertThat(DriverConfig.parse("[::1]:1234", 4)).satisfies(c -> {
      assertThat(c.host()).isEqualTo("::1");
      assertThat(c.port()).isEqualTo(1234);
    });
    assertThat(DriverConfig.parse("[::1]", 4).host()).isEqualTo("::1");
  }

  @Test
  void badAddressesAndSettingsAreRefused() {
    assertThatThrownBy(() -> DriverConfig.parse("host:port", 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DriverConfig.parse("host:0", 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DriverConfig.parse(":15657", 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DriverConfig.parse("host", 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
