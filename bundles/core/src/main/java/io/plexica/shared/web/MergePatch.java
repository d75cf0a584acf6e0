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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A JSON merge patch (RFC 7396) body, read member by member as "absent means unchanged" ({@link
 * Optional#empty()}). A member that is invalid is reported and read as absent; {@link #read} then
 * answers 400 with every error at once, so a request record reads its patch into the service's
 * changes and the resource holds no input rule.
 */
public final class MergePatch {
  public static final String MEDIA_TYPE = "application/merge-patch+json";

  private final JsonObject body;
  private final Validation validation = new Validation();

  private MergePatch(JsonObject body) {
    this.body = body;
  }

  /**
   * What {@code reader} makes of the patch; 400 when there is no body, when it holds a member that
   * is not {@code patchable}, or when {@code reader} found any member invalid.
   */
  public static <V> V read(JsonObject body, Set<String> patchable, Function<MergePatch, V> reader) {
    if (body == null) {
      throw ProblemException.invalid("body", "a JSON object is required");
    }
    MergePatch patch = new MergePatch(body);
    String allowed = String.join(", ", new TreeSet<>(patchable));
    for (String key : body.keySet()) {
      if (!patchable.contains(key)) {
        patch.reject(key, "cannot be changed; only " + allowed + " can");
      }
    }
    V value = reader.apply(patch);
    patch.validation.throwIfInvalid();
    return value;
  }

  /**
   * A text that may not be cleared, made a value by {@code rule}, which reports what is wrong by
   * throwing ({@link Validation#check}).
   */
  public <T> Optional<T> text(String member, Function<String, T> rule) {
    return present(member)
        .flatMap(
            value -> {
              if (value instanceof JsonString text) {
                return Optional.ofNullable(check(() -> rule.apply(text.getString())));
              }
              return rejected(
                  member,
                  value.getValueType() == JsonValue.ValueType.NULL
                      ? "cannot be cleared"
                      : "must be a string");
            });
  }

  /**
   * A text that null clears: unchanged when absent, {@code Optional.of(Optional.empty())} when
   * null, else the text {@code rule} accepts.
   */
  public Optional<Optional<String>> clearableText(String member, Function<String, String> rule) {
    return present(member)
        .flatMap(
            value -> {
              if (value.getValueType() == JsonValue.ValueType.NULL) {
                return Optional.of(Optional.empty());
              }
              if (value instanceof JsonString text) {
                return Optional.ofNullable(check(() -> rule.apply(text.getString())))
                    .map(Optional::of);
              }
              return rejected(member, "must be a string or null");
            });
  }

  /** A list of strings; {@code what} names its items in the error ("role names"). */
  public Optional<List<String>> strings(String member, String what) {
    return present(member)
        .flatMap(
            value -> {
              if (value instanceof JsonArray array
                  && array.stream().allMatch(v -> v instanceof JsonString)) {
                return Optional.of(
                    array.getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());
              }
              return rejected(member, "must be a list of " + what);
            });
  }

  public Optional<Boolean> bool(String member) {
    return present(member)
        .flatMap(
            value ->
                value == JsonValue.TRUE || value == JsonValue.FALSE
                    ? Optional.of(value == JsonValue.TRUE)
                    : rejected(member, "must be true or false"));
  }

  /** A JSON object, taken as a whole (a settings or configuration object replaces the old one). */
  public Optional<JsonObject> object(String member) {
    return present(member)
        .flatMap(
            value ->
                value instanceof JsonObject object
                    ? Optional.of(object)
                    : rejected(member, "must be a JSON object"));
  }

  /** The value {@code rule} makes, or null when it throws; the error is reported. */
  public <T> T check(Supplier<T> rule) {
    return validation.check(rule);
  }

  public void reject(String member, String message) {
    validation.reject(member, message);
  }

  private Optional<JsonValue> present(String member) {
    return Optional.ofNullable(body.get(member));
  }

  private <T> Optional<T> rejected(String member, String message) {
    reject(member, message);
    return Optional.empty();
  }
}
