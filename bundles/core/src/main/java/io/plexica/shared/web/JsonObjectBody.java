package io.plexica.shared.web;

import io.plexica.shared.json.JsonText;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a body an endpoint takes as a {@link JsonObject} (merge patches, plugin settings): any
 * other JSON value, such as {@code []} or {@code "text"}, is a 400 problem, where the runtime's own
 * reader handed the array on and the call failed with a 500. An empty body reads as no body.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonObjectBody implements MessageBodyReader<JsonObject> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == JsonObject.class;
  }

  @Override
  public JsonObject readFrom(
      Class<JsonObject> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream entity)
      throws IOException {
    PushbackInputStream body = new PushbackInputStream(entity, 1);
    int first = body.read();
    if (first < 0) {
      return null;
    }
    body.unread(first);
    JsonValue value;
    try (JsonReader reader = JsonText.PROVIDER.createReader(body)) {
      value = reader.readValue();
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new ProblemException(
        ProblemType.MALFORMED_REQUEST,
        "The body must be a JSON object, not "
            + value.getValueType().name().toLowerCase(java.util.Locale.ROOT)
            + ".");
  }
}
