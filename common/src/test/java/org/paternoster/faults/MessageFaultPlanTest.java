package org.paternoster.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageFaultPlanTest {
  final MessageFaultPlan plan = new MessageFaultPlan(new Random(7));

  @Test
  void offByDefaultEveryMessageIsHandledOnceAtOnce() {
    for (int i = 0; i < 100; i++) assertThat(plan.next("10.77.1.1")).isEqualTo(MessageFaultPlan.Fate.NONE);
  }

  @Test
  void holdsWithinTheLimitAndDuplicatesTheAskedShareAlwaysAfterTheOriginal() {
    plan.set(new MessageFaultPlan.Settings(0.3, 200, null));
    int copies = 0;
    boolean someHeld = false;
    for (int i = 0; i < 10_000; i++) {
      MessageFaultPlan.Fate f = plan.next("10.77.1.1");
      assertThat(f.delayMs()).isBetween(0L, 200L);
      someHeld |= f.delayMs() > 0;
      if (f.duplicated()) {
        copies++;
        assertThat(f.copyAfterMs()).as("the copy comes after the original").isGreaterThan(f.delayMs()).isLessThanOrEqualTo(601L);
      }
    }
    assertThat(someHeld).isTrue();
    assertThat(copies).isBetween(2_700, 3_300);
  }

  @Test
  void theExemptAddressIsNeverTouchedAndZeroSwitchesItOff() {
    plan.set(new MessageFaultPlan.Settings(1, 500, "10.77.0.1"));
    assertThat(plan.next("10.77.0.1")).isEqualTo(MessageFaultPlan.Fate.NONE);
    assertThat(plan.next("10.77.1.2").duplicated()).isTrue();
    plan.set(MessageFaultPlan.Settings.fromJson(new JsonObject()));
    assertThat(plan.next("10.77.1.2")).isEqualTo(MessageFaultPlan.Fate.NONE);
  }

  @Test
  void badSettingsAreRefusedWithAReason() {
    assertThatThrownBy(() -> MessageFaultPlan.Settings.fromJson(new JsonObject().put("duplicate", 1.5)))
        .hasMessageContaining("duplicate");
    assertThatThrownBy(() -> MessageFaultPlan.Settings.fromJson(new JsonObject().put("duplicate", "lots")))
        .hasMessageContaining("duplicate");
    assertThatThrownBy(() -> MessageFaultPlan.Settings.fromJson(new JsonObject().put("maxDelayMs", -1)))
        .hasMessageContaining("maxDelayMs");
    assertThatThrownBy(() -> MessageFaultPlan.Settings.fromJson(new JsonObject().put("maxDelayMs", 2.5)))
        .hasMessageContaining("maxDelayMs");
    assertThatThrownBy(() -> MessageFaultPlan.Settings.fromJson(new JsonObject().put("except", 3)))
        .hasMessageContaining("except");
  }
}
