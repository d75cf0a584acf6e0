package io.plexica.shared.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** JSON the platform stored or produced itself (settings, configurations, claims). */
public final class JsonText {
  private JsonText() {}

  /** The object a stored JSON text holds; it was validated before it was stored. */
  public static JsonObject object(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
