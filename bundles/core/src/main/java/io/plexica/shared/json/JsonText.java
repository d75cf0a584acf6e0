package io.plexica.shared.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Collection;
import java.util.Map;

/** JSON the platform stored or produced itself (settings, configurations, claims). */
public final class JsonText {
  /**
   * Looked up once: {@code PROVIDER.createReader} and its siblings search the service loader on
   * every call, which costs more than parsing an event's envelope.
   */
  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private JsonText() {}

  /** The object a stored JSON text holds; it was validated before it was stored. */
  public static JsonObject object(String json) {
    try (JsonReader reader = PROVIDER.createReader(new StringReader(json))) {
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
    JsonObjectBuilder object = PROVIDER.createObjectBuilder();
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
      return PROVIDER.createValue(((Number) value).longValue());
    }
    if (value instanceof Map<?, ?> map) {
      return object(map);
    }
    if (value instanceof Collection<?> items) {
      JsonArrayBuilder array = PROVIDER.createArrayBuilder();
      items.forEach(item -> array.add(value(item)));
      return array.build();
    }
    return PROVIDER.createValue(value.toString());
  }
}
