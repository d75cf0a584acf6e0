package io.plexica.shared.web;

import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.Validation;
import jakarta.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;

/** The common checks of a JSON merge patch (RFC 7396) body before its fields are read. */
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
}
