package org.paternoster.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paternoster.http.BadRequest;

/** Control input is validated completely before anything is forwarded to an elevator node. */
class ControlRequestsTest {
  static final int FLOORS = 4;

  @Test
  void validPressesAreForwardedRebuiltFromTheirFields() {
    assertThat(ControlRequests.press(new JsonObject("{\"type\":\"hall\",\"floor\":2,\"direction\":\"down\"}"), FLOORS))
        .isEqualTo(new JsonObject().put("type", "hall").put("floor", 2).put("direction", "down"));
    assertThat(ControlRequests.press(new JsonObject("{\"type\":\"cab\",\"floor\":3}"), FLOORS))
        .isEqualTo(new JsonObject().put("type", "cab").put("floor", 3));
  }

  @Test
  void theButtonsAtTheEndsOfTheShaftAreTheBuildingsOwn() {
    assertThat(ControlRequests.press(new JsonObject("{\"type\":\"hall\",\"floor\":0,\"direction\":\"up\"}"), FLOORS))
        .isEqualTo(new JsonObject().put("type", "hall").put("floor", 0).put("direction", "up"));
    assertThat(ControlRequests.press(new JsonObject("{\"type\":\"hall\",\"floor\":3,\"direction\":\"down\"}"), FLOORS))
        .isEqualTo(new JsonObject().put("type", "hall").put("floor", 3).put("direction", "down"));
    assertThat(ControlRequests.press(new JsonObject("{\"type\":\"cab\",\"floor\":0}"), FLOORS))
        .isEqualTo(new JsonObject().put("type", "cab").put("floor", 0));
    assertThatThrownBy(() -> ControlRequests.press(new JsonObject("{\"type\":\"hall\",\"floor\":3,\"direction\":\"up\"}"), FLOORS))
        .isInstanceOf(BadRequest.class).hasMessageContaining("no hall up button at floor 3");
    assertThatThrownBy(() -> ControlRequests.press(new JsonObject("{\"type\":\"hall\",\"floor\":0,\"direction\":\"down\"}"), FLOORS))
        .isInstanceOf(BadRequest.class).hasMessageContaining("no hall down button at floor 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "{\"type\":\"lobby\",\"floor\":1}",
      "{\"type\":\"cab\"}",
      "{\"type\":\"cab\",\"floor\":4}",
      "{\"type\":\"cab\",\"floor\":-1}",
      "{\"type\":\"cab\",\"floor\":1.5}",
      "{\"type\":\"cab\",\"floor\":\"1\"}",
      "{\"type\":\"cab\",\"floor\":1,\"direction\":\"up\"}",
      "{\"type\":\"hall\",\"floor\":1}",
      "{\"type\":\"hall\",\"floor\":1,\"direction\":\"sideways\"}",
      "{\"type\":\"hall\",\"floor\":3,\"direction\":\"up\"}",
      "{\"type\":\"hall\",\"floor\":0,\"direction\":\"down\"}",
      "{\"type\":\"hall\",\"floor\":1,\"direction\":\"up\",\"elevator\":\"e1\"}",
  })
  void malformedPressesAreRefused(String body) {
    assertThatThrownBy(() -> ControlRequests.press(new JsonObject(body), FLOORS)).isInstanceOf(BadRequest.class);
  }

  @Test
  void aFaultIsExactlyOneOfMotorOrObstruction() {
    assertThat(ControlRequests.fault(new JsonObject("{\"motor\":\"cut\"}"))).isEqualTo(new JsonObject().put("motor", "cut"));
    assertThat(ControlRequests.fault(new JsonObject("{\"obstruction\":false}"))).isEqualTo(new JsonObject().put("obstruction", false));
    for (String bad : new String[] {"{}", "{\"motor\":\"cut\",\"obstruction\":true}", "{\"motor\":\"off\"}",
        "{\"obstruction\":\"yes\"}", "{\"stop\":true}"}) {
      assertThatThrownBy(() -> ControlRequests.fault(new JsonObject(bad))).as(bad).isInstanceOf(BadRequest.class);
    }
  }

  @Test
  void killPrimaryTakesNoParameters() {
    ControlRequests.killPrimary(null);
    ControlRequests.killPrimary("");
    ControlRequests.killPrimary("{}");
    for (String bad : new String[] {"{\"id\":\"r1\"}", "[]", "kill", "7"}) {
      assertThatThrownBy(() -> ControlRequests.killPrimary(bad)).as(bad).isInstanceOf(BadRequest.class);
    }
  }

  @Test
  void elevatorIdsFromThePathAreChecked() {
    assertThat(ControlRequests.elevatorId("e-1.b_2")).isEqualTo("e-1.b_2");
    assertThatThrownBy(() -> ControlRequests.elevatorId("e 1")).isInstanceOf(BadRequest.class);
    assertThatThrownBy(() -> ControlRequests.elevatorId("x".repeat(65))).isInstanceOf(BadRequest.class);
  }
}
