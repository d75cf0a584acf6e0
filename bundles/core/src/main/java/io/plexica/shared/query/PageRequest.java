package io.plexica.shared.query;

import io.plexica.shared.problem.Validation;
import java.util.Optional;

/**
 * Which page of a list a client asked for: {@code page} from 0 to {@link #MAX_PAGE}, {@code size}
 * from 1 to 100, so that the offset always fits.
 */
public record PageRequest(int page, int size) {
  public static final int MAX_SIZE = 100;
  public static final int MAX_PAGE = 1_000_000;
  public static final int DEFAULT_SIZE = 20;

  public int offset() {
    return page * size;
  }

  /** Reads the raw parameters; a bad one is added to {@code validation} and a default returned. */
  public static PageRequest parse(Validation validation, String page, String size) {
    int pageNumber = integer(page, 0);
    if (pageNumber < 0 || pageNumber > MAX_PAGE) {
      validation.reject("page", "must be a whole number from 0 to " + MAX_PAGE);
      pageNumber = 0;
    }
    int pageSize = integer(size, DEFAULT_SIZE);
    if (pageSize < 1 || pageSize > MAX_SIZE) {
      validation.reject("size", "must be a whole number between 1 and " + MAX_SIZE);
      pageSize = DEFAULT_SIZE;
    }
    return new PageRequest(pageNumber, pageSize);
  }

  /** Free-text search: trimmed, absent when blank, at most 200 characters. */
  public static Optional<String> text(Validation validation, String q) {
    Optional<String> text = Optional.ofNullable(q).map(String::strip).filter(s -> !s.isEmpty());
    if (text.isPresent() && text.get().length() > 200) {
      validation.reject("q", "must be at most 200 characters");
    }
    return text;
  }

  /** The parameter as a number; -1 (refused by both bounds) when it is not one. */
  private static int integer(String text, int fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
