package org.paternoster.elevator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paternoster.time.MonotonicClock;

@ExtendWith(VertxExtension.class)
class SimulatorHttpTest {
  private EmbeddedSimulator sim;
  private WebClient http;

  @BeforeEach
  void start(Vertx vertx) {
    SimulatorConfig config = SimulatorConfig.defaults(4, 1).withStartFloor(2).withPressMs(60_000);
    sim = EmbeddedSimulator.start(vertx, config, "127.0.0.1", 0, 0, new MonotonicClock()).await();
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(sim.httpPort()));
  }

  @Test
  void stateDescribesTheCar() {
    JsonObject state = get("/state");
    assertThat(state.getInteger("floors")).isEqualTo(4);
    assertThat(state.getInteger("floor")).isEqualTo(2);
    assertThat(state.getBoolean("betweenFloors")).isFalse();
    assertThat(state.getString("motor")).isEqualTo("stop");
    assertThat(state.getJsonObject("lamps").getJsonArray("hall")).hasSize(4);
    assertThat(state.getJsonObject("lamps").getJsonArray("cab")).hasSize(4);
    assertThat(state.getBoolean("doorLamp")).isFalse();
    assertThat(state.getBoolean("obstruction")).isFalse();
  }

  @Test
  void buttonsArePressed() {
    assertThat(post("/buttons", "{\"type\":\"hall\",\"floor\":0,\"direction\":\"up\"}").statusCode()).isEqualTo(200);
    assertThat(post("/buttons", "{\"type\":\"cab\",\"floor\":3}").statusCode()).isEqualTo(200);
    JsonObject pressed = get("/state").getJsonObject("pressed");
    assertThat(pressed.getJsonArray("hall").getJsonArray(0).getBoolean(0)).isTrue();
    assertThat(pressed.getJsonArray("cab").getBoolean(3)).isTrue();
    assertThat(pressed.getJsonArray("cab").getBoolean(2)).isFalse();
  }

  @Test
  void faultsAreInjected() {
    assertThat(post("/faults", "{\"motor\":\"cut\"}").bodyAsJsonObject().getBoolean("motorCut")).isTrue();
    assertThat(post("/faults", "{\"obstruction\":true,\"stop\":true}").statusCode()).isEqualTo(200);
    JsonObject state = get("/state");
    assertThat(state.getBoolean("obstruction")).isTrue();
    assertThat(state.getBoolean("stop")).isTrue();
    post("/faults", "{\"motor\":\"restore\",\"obstruction\":false}");
    assertThat(get("/state").getBoolean("motorCut")).isFalse();
    assertThat(get("/state").getBoolean("obstruction")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "nonsense", "[]", "42", "{}",
      "{\"floor\":1}",
      "{\"type\":\"lift\",\"floor\":1}",
      "{\"type\":\"cab\"}",
      "{\"type\":\"cab\",\"floor\":4}",
      "{\"type\":\"cab\",\"floor\":-1}",
      "{\"type\":\"cab\",\"floor\":\"1\"}",
      "{\"type\":\"cab\",\"floor\":1.5}",
      "{\"type\":\"cab\",\"floor\":null}",
      "{\"type\":\"cab\",\"floor\":1,\"direction\":\"up\"}",
      "{\"type\":\"hall\",\"floor\":1}",
      "{\"type\":\"hall\",\"floor\":1,\"direction\":\"sideways\"}",
      "{\"type\":\"hall\",\"floor\":3,\"direction\":\"up\"}",
      "{\"type\":\"hall\",\"floor\":0,\"direction\":\"down\"}",
      "{\"type\":\"hall\",\"floor\":1,\"direction\":\"up\",\"extra\":1}",
  })
  void badButtonsAreRefusedWithoutEffect(String body) {
    assertRefused("/buttons", body);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "[]", "{}",
      "{\"motor\":\"off\"}",
      "{\"motor\":true}",
      "{\"obstruction\":\"yes\"}",
      "{\"stop\":1}",
      "{\"stop\":null}",
      "{\"motor\":\"cut\",\"obstruction\":\"x\"}",
      "{\"obstruction\":true,\"door\":true}",
  })
  void badFaultsAreRefusedWithoutEffect(String body) {
    assertRefused("/faults", body);
  }

  @Test
  void anOversizedBodyIsRefused() {
    String body = "{\"type\":\"cab\",\"floor\":1,\"pad\":\"" + "x".repeat(10_000) + "\"}";
    HttpResponse<Buffer> response = post("/buttons", body);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.bodyAsJsonObject().getString("error")).isNotBlank();
  }

  private void assertRefused(String path, String body) {
    JsonObject before = get("/state");
    HttpResponse<Buffer> response = post(path, body);
    assertThat(response.statusCode()).as("status for %s", body).isEqualTo(400);
    assertThat(response.getHeader("content-type")).isEqualTo("application/json");
    assertThat(response.bodyAsJsonObject().getString("error")).isNotBlank();
    assertThat(get("/state")).isEqualTo(before);
  }

  private JsonObject get(String path) {
    HttpResponse<Buffer> response = http.get(path).send().await();
    assertThat(response.statusCode()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private HttpResponse<Buffer> post(String path, String body) {
    return http.post(path).sendBuffer(Buffer.buffer(body)).await();
  }
}
