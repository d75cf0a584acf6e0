package io.plexica.shared.web;

import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.Validation;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A JSON merge patch (RFC 7396) body: its common checks, and its members read as "absent means
 * unchanged" ({@link Optional#empty()}). A member that is invalid is reported to the validation and
 * read as absent, so the caller throws with every error at once ({@link
 * Validation#throwIfInvalid()}).
 */
public final class MergePatch {
  public static final String MEDIA_TYPE = "application/merge-patch+json";

  private MergePatch() {}

  /**
   * A validation that already holds an error for every member the resource does not let clients
   * change; 400 at once when there is no body.
   */
  public static Validation check(JsonObject patch, Set<String> patchable) {
    if (patch == null) {
      throw ProblemException.invalid("body", "a JSON object is required");
    }
    Validation validation = new Validation();
    String allowed = String.join(", ", new TreeSet<>(patchable));
    for (String key : patch.keySet()) {
      if (!patchable.contains(key)) {
        validation.reject(key, "cannot be changed; only " + allowed + " can");
      }
    }
    return validation;
  }

  /**
   * A text that may not be cleared: {@code rule} gets the text, or null when the member is null or
   * not a string, and reports what is wrong by throwing.
   */
  public static Optional<String> text(
      JsonObject patch, String member, Validation validation, UnaryOperator<String> rule) {
    if (!patch.containsKey(member)) {
      return Optional.empty();
    }
    String raw = patch.get(member) instanceof JsonString text ? text.getString() : null;
    return Optional.ofNullable(validation.check(() -> rule.apply(raw)));
  }

  /**
   * A text that null clears: unchanged when absent, {@code Optional.of(Optional.empty())} when
   * null, else the text {@code rule} accepts.
   */
  public static Optional<Optional<String>> clearableText(
      JsonObject patch, String member, Validation validation, UnaryOperator<String> rule) {
    if (!patch.containsKey(member)) {
      return Optional.empty();
    }
    JsonValue value = patch.get(member);
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.of(Optional.empty());
    }
    if (value instanceof JsonString text) {
      String accepted = validation.check(() -> rule.apply(text.getString()));
      return accepted == null ? Optional.empty() : Optional.of(Optional.of(accepted));
    }
    validation.reject(member, "must be a string or null");
    return Optional.empty();
  }

  /** A list of strings; {@code what} names its items in the error ("role names"). */
  public static Optional<List<String>> strings(
      JsonObject patch, String member, Validation validation, String what) {
    if (!patch.containsKey(member)) {
      return Optional.empty();
    }
    if (patch.get(member) instanceof JsonArray array
        && array.stream().allMatch(v -> v instanceof JsonString)) {
      return Optional.of(
          array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    }
    validation.reject(member, "must be a list of " + what);
    return Optional.empty();
  }

  public static Optional<Boolean> bool(JsonObject patch, String member, Validation validation) {
    if (!patch.containsKey(member)) {
      return Optional.empty();
    }
    JsonValue value = patch.get(member);
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return Optional.of(value == JsonValue.TRUE);
    }
    validation.reject(member, "must be true or false");
    return Optional.empty();
  }
}
