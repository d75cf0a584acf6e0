package io.plexica.shared.json;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Collection;
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
   * A JSON object of plain values: strings, numbers, booleans, nulls (kept as JSON null), maps and
   * collections of those; anything else is written as its string form.
   */
  public static String of(Map<String, ?> values) {
    return object(values).toString();
  }

  private static JsonObject object(Map<?, ?> values) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    values.forEach((name, value) -> object.add(String.valueOf(name), value(value)));
    return object.build();
  }

  private static JsonValue value(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof JsonValue json) {
      return json;
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Long || value instanceof Integer) {
      return Json.createValue(((Number) value).longValue());
    }
    if (value instanceof Map<?, ?> map) {
      return object(map);
    }
    if (value instanceof Collection<?> items) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      items.forEach(item -> array.add(value(item)));
      return array.build();
    }
    return Json.createValue(value.toString());
  }
}
