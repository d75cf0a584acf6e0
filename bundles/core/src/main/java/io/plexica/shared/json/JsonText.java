package io.plexica.shared.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Map;

/** JSON the platform stored or produced itself (settings, configurations, claims). */
public final class JsonText {
  private JsonText() {}

  /** The object a stored JSON text holds; it was validated before it was stored. */
  public static JsonObject object(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /**
   * A JSON object of plain values: strings, numbers, booleans, nulls (kept as JSON null); anything
   * else is written as its string form.
   */
  public static String of(Map<String, ?> values) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    values.forEach(
        (name, value) -> {
          if (value == null) {
            object.addNull(name);
          } else if (value instanceof Boolean b) {
            object.add(name, b);
          } else if (value instanceof Long || value instanceof Integer) {
            object.add(name, ((Number) value).longValue());
          } else {
            object.add(name, value.toString());
          }
        });
    return object.build().toString();
  }
}
