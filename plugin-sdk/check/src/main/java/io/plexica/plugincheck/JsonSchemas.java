package io.plexica.plugincheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ApplyDefaultsStrategy;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** JSON Schema 2020-12 through networknt's validator, with errors as findings a person reads. */
public final class JsonSchemas {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  public static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  /** Missing properties take the {@code default} of their schema while being validated. */
  public static final SchemaValidatorsConfig WITH_DEFAULTS =
      SchemaValidatorsConfig.builder()
          .applyDefaultsStrategy(new ApplyDefaultsStrategy(true, false, false))
          .build();

  private JsonSchemas() {}

  /** The 2020-12 meta-schema, from the validator's own copy (no network). */
  public static JsonSchema metaSchema() {
    return FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
  }

  /** Field errors named {@code prefix} plus the JSON path of the offending value. */
  public static List<Finding> errors(Collection<ValidationMessage> messages, String prefix) {
    return messages.stream()
        .sorted(Comparator.comparing(ValidationMessage::getMessage))
        .map(m -> new Finding(field(prefix, m), words(m)))
        .toList();
  }

  /** The validator's wording where a person reads it better ("required property 'x' not found"). */
  private static String words(ValidationMessage message) {
    return switch (message.getType()) {
      case "required" -> "is required";
      case "additionalProperties" -> "is not a setting of this plugin";
      default -> message.getError();
    };
  }

  private static String field(String prefix, ValidationMessage message) {
    // Validation reports JSONPath ($.a.b), walking reports JSON Pointer (/a/b): one form for both.
    String path = message.getInstanceLocation().toString();
    String relative = path.startsWith("$") ? path.substring(1) : path.replace('/', '.');
    if (relative.startsWith(".")) {
      relative = relative.substring(1);
    }
    if (message.getProperty() != null && "required".equals(message.getType())) {
      relative =
          relative.isEmpty() ? message.getProperty() : relative + "." + message.getProperty();
    }
    if (prefix.isEmpty()) {
      return relative.isEmpty() ? "$" : relative;
    }
    return relative.isEmpty() ? prefix : prefix + "." + relative;
  }

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
