package org.paternoster.bench;

import io.vertx.core.json.JsonObject;

/** What every benchmark line says about where it ran. */
final class Machine {
  private Machine() {}

  static JsonObject describe() {
    return new JsonObject()
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("java", System.getProperty("java.version"))
        .put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
  }
}
