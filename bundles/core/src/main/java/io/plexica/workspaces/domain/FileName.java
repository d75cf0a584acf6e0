package io.plexica.workspaces.domain;

import io.plexica.shared.problem.ProblemException;

/**
 * A file's name as it is shown and downloaded: up to 255 characters, without the slashes,
 * backslashes and control characters that would make it a path or break a header. Surrounding
 * spaces are dropped.
 */
public record FileName(String value) {
  public static final int MAX_LENGTH = 255;

  public FileName {
    value = value == null ? "" : value.strip();
    if (value.isEmpty()) {
      throw ProblemException.invalid("name", "is required: the file's name, in ?name=");
    }
    if (value.length() > MAX_LENGTH) {
      throw ProblemException.invalid("name", "must be at most " + MAX_LENGTH + " characters");
    }
    if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\')) {
      throw ProblemException.invalid(
          "name", "must not contain slashes, backslashes or control characters");
    }
  }
}
