package io.plexica.workspaces.domain;

import io.plexica.shared.problem.ProblemException;
import java.util.regex.Pattern;

/**
 * A workspace's URL-safe name, unique within its tenant: 1 to 63 lowercase letters, digits,
 * hyphens.
 */
public record WorkspaceSlug(String value) {
  public static final Pattern PATTERN = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");

  /** The workspace every tenant starts with. */
  public static final WorkspaceSlug DEFAULT = new WorkspaceSlug("default");

  public WorkspaceSlug {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid("slug", "is required");
    }
    if (!PATTERN.matcher(value).matches()) {
      throw ProblemException.invalid(
          "slug",
          "must be 1 to 63 characters of lowercase letters, digits and hyphens, not starting or"
              + " ending with a hyphen");
    }
  }
}
